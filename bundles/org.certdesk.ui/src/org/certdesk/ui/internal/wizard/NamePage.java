package org.certdesk.ui.internal.wizard;

import org.certdesk.api.CertdeskService;
import org.certdesk.api.KeySpec;
import org.certdesk.api.Requirements;
import org.certdesk.api.Usage;
import org.certdesk.ui.internal.Messages;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Friendly name, key type and size, exportable key. */
class NamePage extends WizardPage {
    private final RequestModel model;
    private final CertdeskService service;
    private Text name;
    private Combo key;
    private Button exportable;

    NamePage(RequestModel model, CertdeskService service) {
        super("name");
        this.model = model;
        this.service = service;
        setTitle(Messages.nameTitle);
        setDescription(Messages.nameDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 2);
        name = Pages.field(c, Messages.friendlyName, model.friendlyName, this::validate);
        new Label(c, SWT.NONE).setText(Messages.keyType);
        key = new Combo(c, SWT.READ_ONLY);
        for (KeySpec k : KeySpec.values()) {
            key.add(k.label());
        }
        key.select(model.keySpec.ordinal());
        key.addListener(SWT.Selection, e -> validate());
        exportable = new Button(c, SWT.CHECK);
        exportable.setText(Messages.exportableKey);
        exportable.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        exportable.addListener(SWT.Selection, e -> validate());
        setControl(c);
        validate();
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            validate(); // the usages may have changed
        }
    }

    private void validate() {
        model.friendlyName = name.getText();
        model.keySpec = KeySpec.values()[key.getSelectionIndex()];
        model.exportable = exportable.getSelection();
        String error = null;
        String trimmed = model.friendlyName.trim();
        if (!trimmed.isEmpty() && !service.uniqueFriendlyName(trimmed).equals(trimmed)) {
            error = NLS.bind(Messages.nameTaken, trimmed);
        }
        for (String id : model.usageIds) {
            Usage u = service.usage(id);
            if (Requirements.rsaEquivalentBits(model.keySpec.algorithm(), model.keySpec.size()) < u.minKeySize()) {
                error = NLS.bind(Messages.keyTooWeak, new Object[] { model.keySpec.label(), u.minKeySize(), u.id() });
            }
        }
        setErrorMessage(error);
        setMessage(model.exportable ? Messages.exportableWarning : null, IMessageProvider.WARNING);
        setPageComplete(error == null);
    }

    Text name() {
        return name;
    }

    Combo key() {
        return key;
    }
}
