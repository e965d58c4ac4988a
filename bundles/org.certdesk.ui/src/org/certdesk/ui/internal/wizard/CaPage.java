package org.certdesk.ui.internal.wizard;

import java.util.List;

import org.certdesk.api.CaEntry;
import org.certdesk.api.CertdeskService;
import org.certdesk.ui.internal.Messages;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Combo;

/** The configured CA entries, with their type, and the template to ask for. */
class CaPage extends WizardPage {
    private final RequestModel model;
    private final List<CaEntry> cas;
    private final CertdeskService service;
    private Table table;
    private Combo template;
    private String shownTemplatesOf;

    CaPage(RequestModel model, CertdeskService service) {
        super("ca");
        this.model = model;
        this.service = service;
        this.cas = service.caEntries();
        setTitle(Messages.caTitle);
        setDescription(Messages.caDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 2);
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (CaEntry ca : cas) {
            new TableItem(table, SWT.NONE).setText(ca.label() + "  (" + ca.typeId() + ")");
            if (ca.id().equals(model.caId)) {
                table.setSelection(table.getItemCount() - 1);
            }
        }
        if (table.getSelectionIndex() < 0 && !cas.isEmpty()) {
            table.setSelection(0);
        }
        table.addListener(SWT.Selection, e -> validate());
        new Label(c, SWT.NONE).setText(Messages.caTemplate);
        template = new Combo(c, SWT.DROP_DOWN); // the CA's templates, or one typed in
        template.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        template.addListener(SWT.Modify, e -> model.template = template.getText());
        setControl(c);
        validate();
    }

    private void validate() {
        int i = table.getSelectionIndex();
        if (i >= 0 && !cas.get(i).id().equals(shownTemplatesOf)) {
            model.caId = cas.get(i).id();
            shownTemplatesOf = model.caId;
            template.removeAll();
            template.add(""); // blank: the CA's default
            try {
                service.templates(model.caId).forEach(template::add);
            } catch (RuntimeException e) {
                // a CA plugin that cannot list its templates still takes a typed one
            }
            template.setText(model.template == null ? "" : model.template);
        }
        setErrorMessage(cas.isEmpty() ? Messages.caNone : null);
        setPageComplete(i >= 0);
    }
}
