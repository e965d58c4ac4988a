package org.certdesk.ui.internal.wizard;

import org.certdesk.ui.internal.Messages;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** Immediate or delayed (offline) request; offline requests come with the trust and import work. */
class ModePage extends WizardPage {
    ModePage() {
        super("mode");
        setTitle(Messages.modeTitle);
        setDescription(Messages.modeDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 1);
        Button now = new Button(c, SWT.RADIO);
        now.setText(Messages.modeNow);
        now.setSelection(true);
        Button later = new Button(c, SWT.RADIO);
        later.setText(Messages.modeLater);
        later.setEnabled(false);
        Pages.wrapping(c, Messages.modeLaterUnavailable, 1);
        setControl(c);
    }
}
