package org.certdesk.ui.internal.wizard;

import java.util.List;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskService;
import org.certdesk.api.PendingRequest;
import org.certdesk.api.RequestStatus;
import org.certdesk.ui.internal.Messages;
import org.certdesk.ui.internal.UiJobs;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;

/**
 * Request a certificate, page by page as the server product's Certificate Wizard does it; or, for a pending
 * request, only the execution and status pages.
 */
public class RequestWizard extends Wizard {
    private final CertdeskService service;
    private final RequestModel model = new RequestModel();
    private final PendingRequest pending;

    public RequestWizard(CertdeskService service, List<String> preselectedUsages) {
        this(service, preselectedUsages, null);
    }

    private RequestWizard(CertdeskService service, List<String> preselectedUsages, PendingRequest pending) {
        this.service = service;
        this.pending = pending;
        model.usageIds.addAll(preselectedUsages);
        setWindowTitle(pending == null ? Messages.wizardTitle : Messages.pendingTitle);
        setNeedsProgressMonitor(false);
    }

    /** Asks the CA again about a pending request and shows its status page. */
    public static RequestWizard processing(CertdeskService service, PendingRequest pending) {
        RequestWizard wizard = new RequestWizard(service, pending.usageIds(), pending);
        wizard.model.caId = pending.caId();
        return wizard;
    }

    @Override
    public void addPages() {
        if (pending == null) {
            addPage(new ModePage());
            addPage(new CaPage(model, service));
            addPage(new UsagesPage(model, service.profiles()));
            addPage(new NamePage(model, service));
            addPage(new OrganizationPage(model));
            addPage(new GeographyPage(model));
            addPage(new NamesPage(model, service));
            addPage(new SummaryPage(model, service));
            addPage(new ExecutionPage(model, () -> progress -> service.request(model.toSpec(), progress)));
        } else {
            addPage(new ExecutionPage(model, () -> progress -> service.processPending(pending.id(), progress)));
        }
        addPage(new StatusPage(model, service));
    }

    @Override
    public boolean canFinish() {
        return model.outcome != null && getContainer().getCurrentPage() instanceof StatusPage;
    }

    @Override
    public boolean performFinish() {
        StatusPage status = (StatusPage) getPage("status");
        if (model.outcome.status() == RequestStatus.ISSUED && status.assignChecked()) {
            try {
                for (String usage : model.outcome.usageIds()) {
                    service.assign(usage, model.outcome.certificate().sha1Thumbprint());
                }
            } catch (CertdeskException e) {
                UiJobs.showError(getShell(), e);
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean performCancel() {
        model.canceled = true; // a request still running stops before it keeps a key or reaches the CA
        return true;
    }

    public RequestModel model() {
        return model;
    }

    /** The page shown now, for tests that drive the wizard. */
    public IWizardPage currentPage() {
        return getContainer().getCurrentPage();
    }

}
