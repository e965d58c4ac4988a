package org.certdesk.ui.internal.wizard;

import java.util.function.Supplier;

import org.certdesk.api.ProgressSink;
import org.certdesk.api.RequestOutcome;
import org.certdesk.ui.internal.Messages;
import org.certdesk.ui.internal.UiJobs;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * Runs the request in a Job (key generation and the CA call never block the UI) and shows its log as it goes;
 * when the CA has answered, moves on to the status page.
 */
class ExecutionPage extends WizardPage {
    interface Work {
        RequestOutcome run(ProgressSink progress);
    }

    private final RequestModel model;
    private final Supplier<Work> work;
    private Text log;
    private boolean started;

    ExecutionPage(RequestModel model, Supplier<Work> work) {
        super("executing");
        this.model = model;
        this.work = work;
        setTitle(Messages.executingTitle);
        setDescription(Messages.executingDescription);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 1);
        log = new Text(c, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 200;
        log.setLayoutData(gd);
        setControl(c);
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible && !started) {
            started = true;
            var display = getShell().getDisplay();
            ProgressSink sink = new ProgressSink() {
                @Override
                public void step(String message) {
                    display.asyncExec(() -> {
                        if (!log.isDisposed()) {
                            log.append(message + "\n");
                        }
                    });
                }

                @Override
                public boolean isCanceled() {
                    return model.canceled;
                }
            };
            Work w = work.get();
            UiJobs.run(Messages.executingTitle, display, () -> w.run(sink), outcome -> {
                model.outcome = outcome;
                finished();
            }, e -> {
                model.outcome = new RequestOutcome(org.certdesk.api.RequestStatus.FAILED, null, null, null,
                        e.getMessage(), java.util.List.of(), model.usageIds, java.util.List.of());
                if (!log.isDisposed()) {
                    log.append(e.getMessage() + "\n");
                }
                finished();
            });
        }
    }

    private void finished() {
        if (getControl().isDisposed()) {
            return;
        }
        setPageComplete(true);
        getContainer().showPage(getNextPage());
    }

    @Override
    public boolean canFlipToNextPage() {
        return model.outcome != null;
    }

    Text log() {
        return log;
    }
}
