package org.certdesk.ui.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.certdesk.api.CertdeskException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Runs service calls off the UI thread and hands results (or a readable error) back to it. */
public final class UiJobs {
    private UiJobs() {
    }

    public static <T> Job run(String name, Display display, Supplier<T> work, Consumer<T> onResult,
            Consumer<RuntimeException> onError) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(name, IProgressMonitor.UNKNOWN);
                try {
                    T result = work.get();
                    asyncExec(display, () -> onResult.accept(result));
                } catch (RuntimeException e) {
                    asyncExec(display, () -> onError.accept(e));
                } finally {
                    monitor.done();
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    private static void asyncExec(Display display, Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(r);
        }
    }

    /** A refusal's own words for CertdeskExceptions, the exception otherwise. */
    public static void showError(Shell shell, RuntimeException e) {
        String message = e instanceof CertdeskException ? e.getMessage() : e.toString();
        if (shell != null && !shell.isDisposed()) {
            MessageDialog.openError(shell, Messages.errorTitle, message);
        }
    }
}
