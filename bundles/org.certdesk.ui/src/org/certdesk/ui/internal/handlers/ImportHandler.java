package org.certdesk.ui.internal.handlers;

import org.certdesk.ui.internal.CertificateWizardPart;

/** Import certificate: from a PEM, DER or PKCS#7 file. */
public class ImportHandler extends PartHandler {
    @Override
    void run(CertificateWizardPart part) {
        part.importCertificate();
    }

    @Override
    boolean enabled(CertificateWizardPart part) {
        return part.canChange();
    }
}
