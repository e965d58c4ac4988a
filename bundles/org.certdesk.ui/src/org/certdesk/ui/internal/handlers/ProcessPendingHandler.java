package org.certdesk.ui.internal.handlers;

import org.certdesk.ui.internal.CertificateWizardPart;

/** Process pending request: asks the CA again. */
public class ProcessPendingHandler extends PartHandler {
    @Override
    void run(CertificateWizardPart part) {
        part.processPending();
    }

    @Override
    boolean enabled(CertificateWizardPart part) {
        return part.canProcessPending();
    }
}
