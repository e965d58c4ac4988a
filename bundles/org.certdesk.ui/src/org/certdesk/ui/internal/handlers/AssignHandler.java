package org.certdesk.ui.internal.handlers;

import org.certdesk.ui.internal.CertificateWizardPart;

/** Assign: chooses a certificate for the selected usage. */
public class AssignHandler extends PartHandler {
    @Override
    void run(CertificateWizardPart part) {
        part.assign();
    }

    @Override
    boolean enabled(CertificateWizardPart part) {
        return part.canAssign();
    }
}
