package org.certdesk.ui.internal.handlers;

import org.certdesk.ui.internal.CertificateWizardPart;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;

import jakarta.inject.Named;

/** A command of the main page: runs the part's action, enabled by the same rules as its button. */
abstract class PartHandler {
    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_PART) MPart part) {
        if (part.getObject() instanceof CertificateWizardPart wizard) {
            run(wizard);
        }
    }

    @CanExecute
    public boolean canExecute(@Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof CertificateWizardPart wizard && enabled(wizard);
    }

    abstract void run(CertificateWizardPart part);

    abstract boolean enabled(CertificateWizardPart part);
}
