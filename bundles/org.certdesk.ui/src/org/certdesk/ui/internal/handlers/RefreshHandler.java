package org.certdesk.ui.internal.handlers;

import org.certdesk.ui.internal.CertificateWizardPart;

/** Refresh: rereads stores, assignments and pending requests. */
public class RefreshHandler extends PartHandler {
    @Override
    void run(CertificateWizardPart part) {
        part.refresh();
    }

    @Override
    boolean enabled(CertificateWizardPart part) {
        return part.available();
    }
}
