package org.certdesk.ui.internal;

import java.util.List;

import org.certdesk.api.PendingRequest;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Picks one of the pending requests. */
public class PendingDialog extends TitleAreaDialog {
    private final List<PendingRequest> pending;
    private Table table;
    private PendingRequest chosen;

    public PendingDialog(Shell parent, List<PendingRequest> pending) {
        super(parent);
        this.pending = pending;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.pendingTitle);
        setMessage(Messages.pendingChoose);
        getShell().setText(Messages.pendingTitle);
        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String t : List.of(Messages.colFriendlyName, Messages.colRequestId, Messages.colCa, Messages.colSubmitted,
                Messages.colUsage)) {
            new TableColumn(table, SWT.NONE).setText(t);
        }
        for (PendingRequest p : pending) {
            new TableItem(table, SWT.NONE).setText(new String[] { p.friendlyName(), p.caRequestId(), p.caId(),
                    p.submitted() == null ? "" : Formats.dateTime(p.submitted()), String.join(", ", p.usageIds()) });
        }
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
        table.addListener(SWT.Selection, e -> {
            chosen = table.getSelectionIndex() < 0 ? null : pending.get(table.getSelectionIndex());
            getButton(IDialogConstants.OK_ID).setEnabled(chosen != null);
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    public Table table() {
        return table;
    }

    public PendingRequest chosen() {
        return chosen;
    }
}
