package org.certdesk.ui.internal.handlers;

import org.certdesk.ui.internal.CertificateWizardPart;

/** Request: opens the Request wizard. */
public class RequestHandler extends PartHandler {
    @Override
    void run(CertificateWizardPart part) {
        part.request();
    }

    @Override
    boolean enabled(CertificateWizardPart part) {
        return part.canChange();
    }
}
