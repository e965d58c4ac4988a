package org.certdesk.ui.internal.handlers;

import org.certdesk.ui.internal.CertificateWizardPart;

/** View: the selected usage's certificate details. */
public class ViewHandler extends PartHandler {
    @Override
    void run(CertificateWizardPart part) {
        part.view();
    }

    @Override
    boolean enabled(CertificateWizardPart part) {
        return part.canView();
    }
}
