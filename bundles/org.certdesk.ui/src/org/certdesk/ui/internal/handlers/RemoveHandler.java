package org.certdesk.ui.internal.handlers;

import org.certdesk.ui.internal.CertificateWizardPart;

/** Remove: unassigns the selected usage's certificate. */
public class RemoveHandler extends PartHandler {
    @Override
    void run(CertificateWizardPart part) {
        part.remove();
    }

    @Override
    boolean enabled(CertificateWizardPart part) {
        return part.canRemove();
    }
}
