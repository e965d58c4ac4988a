package org.certdesk.ui.internal;

import java.util.List;
import java.util.Locale;

import org.certdesk.api.CertdeskService;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.StoreName;
import org.certdesk.api.Usage;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Chooses a Personal certificate for a usage; OK only for one that meets the usage and chains to a trusted root. */
public class AssignDialog extends TitleAreaDialog {
    private final CertdeskService service;
    private final Usage usage;
    private List<CertificateInfo> candidates;
    private Table table;
    private CertificateInfo chosen;
    private Label problemsText;

    public AssignDialog(Shell parent, CertdeskService service, Usage usage) {
        super(parent);
        this.service = service;
        this.usage = usage;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(NLS.bind(Messages.assignTitle, usage.label(Locale.getDefault())));
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(c, SWT.NONE).setText(Messages.assignChoose);
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 160;
        table.setLayoutData(gd);
        for (String t : List.of(Messages.colFriendlyName, Messages.colThumbprint, Messages.colExpires)) {
            new TableColumn(table, SWT.NONE).setText(t);
        }
        candidates = service.list(StoreName.PERSONAL);
        for (CertificateInfo cert : candidates) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { cert.friendlyName(), cert.displayThumbprint(), Formats.date(cert.notAfter()) });
            if (!service.assignmentProblems(usage.id(), cert.sha1Thumbprint()).isEmpty()) {
                item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY)); // greyed: see the reason
            }
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        problemsText = new Label(c, SWT.WRAP);
        GridData problemsData = new GridData(SWT.FILL, SWT.TOP, true, false);
        problemsData.widthHint = 480; // wrap long sentences instead of widening the dialog
        problemsText.setLayoutData(problemsData);
        table.addListener(SWT.Selection, e -> select());
        setMessage(candidates.isEmpty() ? Messages.assignNone : Messages.assignChoose);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    private void select() {
        int i = table.getSelectionIndex();
        chosen = null;
        if (i >= 0) {
            CertificateInfo cert = candidates.get(i);
            List<String> problems = service.assignmentProblems(usage.id(), cert.sha1Thumbprint());
            if (problems.isEmpty()) {
                chosen = cert;
                setErrorMessage(null);
                setMessage(Messages.assignOk);
                problemsText.setText("");
            } else {
                setErrorMessage(Messages.assignRefused);
                problemsText.setText(NLS.bind(Messages.assignProblems, String.join("\n", problems)));
            }
            problemsText.getParent().layout(true);
        }
        getButton(IDialogConstants.OK_ID).setEnabled(chosen != null);
    }

    public Table table() {
        return table;
    }

    public CertificateInfo chosen() {
        return chosen;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }
}
