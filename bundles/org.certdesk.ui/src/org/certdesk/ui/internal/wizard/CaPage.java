package org.certdesk.ui.internal.wizard;

import java.util.List;

import org.certdesk.api.CaEntry;
import org.certdesk.ui.internal.Messages;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/** The configured CA entries, with their type, and the template to ask for. */
class CaPage extends WizardPage {
    private final RequestModel model;
    private final List<CaEntry> cas;
    private Table table;

    CaPage(RequestModel model, List<CaEntry> cas) {
        super("ca");
        this.model = model;
        this.cas = cas;
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
        Text template = Pages.field(c, Messages.caTemplate, model.template, () -> { });
        template.addListener(SWT.Modify, e -> model.template = template.getText());
        new Label(c, SWT.NONE);
        setControl(c);
        validate();
    }

    private void validate() {
        int i = table.getSelectionIndex();
        if (i >= 0) {
            model.caId = cas.get(i).id();
        }
        setErrorMessage(cas.isEmpty() ? Messages.caNone : null);
        setPageComplete(i >= 0);
    }
}
