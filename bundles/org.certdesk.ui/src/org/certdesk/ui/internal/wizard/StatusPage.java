package org.certdesk.ui.internal.wizard;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskService;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.RequestOutcome;
import org.certdesk.ui.internal.CertificateDetailsDialog;
import org.certdesk.ui.internal.Messages;
import org.certdesk.ui.internal.UiJobs;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The request status: issued (thumbprint, details, "assign to the usages chosen", on by default), pending with
 * the request ID, or denied. When the issuing root is not trusted it says so, offers to trust a CA root that
 * Certdesk can vouch for, and keeps the assign box off until the chain is trusted.
 */
class StatusPage extends WizardPage {
    private final RequestModel model;
    private final CertdeskService service;
    private Label status;
    private Text thumbprint;
    private Button details;
    private Label trust;
    private Button trustRoot;
    private Button assign;

    StatusPage(RequestModel model, CertdeskService service) {
        super("status");
        this.model = model;
        this.service = service;
        setTitle(Messages.statusTitle);
        setDescription(Messages.statusDescription);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 2);
        status = Pages.wrapping(c, "", 2);
        new Label(c, SWT.NONE).setText(Messages.thumbprint);
        thumbprint = new Text(c, SWT.READ_ONLY);
        thumbprint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        details = new Button(c, SWT.PUSH);
        details.setText(Messages.viewDetails);
        details.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 2, 1));
        details.addListener(SWT.Selection, e -> new CertificateDetailsDialog(getShell(), model.outcome.certificate()).open());
        trust = Pages.wrapping(c, "", 2);
        trustRoot = new Button(c, SWT.PUSH);
        trustRoot.setText(Messages.trustCaRoot);
        trustRoot.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 2, 1));
        trustRoot.addListener(SWT.Selection, e -> trustCaRoot());
        assign = new Button(c, SWT.CHECK);
        assign.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        setControl(c);
    }

    @Override
    public IWizardPage getPreviousPage() {
        return null; // the request has been sent: going back would not unsend it
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            show();
        }
        super.setVisible(visible);
    }

    void show() {
        RequestOutcome o = model.outcome;
        if (o == null) {
            return;
        }
        CertificateInfo cert = o.certificate();
        status.setText(switch (o.status()) {
            case ISSUED -> Messages.statusIssued;
            case PENDING -> NLS.bind(Messages.statusPendingText, o.caRequestId());
            case DENIED -> NLS.bind(Messages.statusDeniedText, o.message());
            case FAILED -> NLS.bind(Messages.statusFailedText, o.message());
        });
        thumbprint.setText(cert == null ? "" : cert.displayThumbprint());
        details.setEnabled(cert != null);
        trust.setText(o.trustProblems().isEmpty() ? "" : Messages.trustProblem + "\n" + String.join("\n", o.trustProblems()));
        trustRoot.setVisible(!o.trustProblems().isEmpty() && service.caRoot(model.caId).isPresent());
        assign.setText(NLS.bind(Messages.assignToUsages, String.join(", ", o.usageIds())));
        assign.setSelection(o.assignable());
        assign.setEnabled(o.assignable());
        getControl().getParent().layout(true, true);
        setPageComplete(true);
    }

    /** Trusts the root of a CA Certdesk runs, after the admin has seen its subject and fingerprint. */
    private void trustCaRoot() {
        CertificateInfo root = service.caRoot(model.caId).orElseThrow();
        if (!MessageDialog.openQuestion(getShell(), Messages.trustRootTitle,
                NLS.bind(Messages.trustRootQuestion, root.subject(), root.sha256Fingerprint()))) {
            return;
        }
        try {
            service.trustRoot(root.encoded());
            var o = model.outcome;
            model.outcome = new RequestOutcome(o.status(), o.certificate(), o.pendingId(), o.caRequestId(), o.message(),
                    service.trustProblems(o.certificate().sha1Thumbprint()), o.usageIds(), o.log());
            show();
        } catch (CertdeskException e) {
            UiJobs.showError(getShell(), e);
        }
    }

    boolean assignChecked() {
        return assign.getSelection() && assign.getEnabled();
    }

    Button assignBox() {
        return assign;
    }

    Button trustRootButton() {
        return trustRoot;
    }
}
