package org.certdesk.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.certdesk.api.CertificateInfo;
import org.certdesk.api.ExtendedKeyUsages;
import org.certdesk.api.SubjectAltName;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/** A certificate's General and Details tabs, like the platform's certificate dialogs. Values can be copied. */
public class CertificateDetailsDialog extends Dialog {
    private final CertificateInfo cert;
    private Table fields;

    public CertificateDetailsDialog(Shell parent, CertificateInfo cert) {
        super(parent);
        this.cert = cert;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(NLS.bind(Messages.detailsTitle, cert.friendlyName() == null ? cert.subject() : cert.friendlyName()));
    }

    List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { Messages.fieldIssuedTo, cert.subject() });
        rows.add(new String[] { Messages.fieldIssuedBy, cert.issuer() });
        rows.add(new String[] { Messages.fieldValidFrom, Formats.dateTime(cert.notBefore()) });
        rows.add(new String[] { Messages.fieldValidTo, Formats.dateTime(cert.notAfter()) });
        rows.add(new String[] { Messages.fieldSerial, cert.serialHex() });
        rows.add(new String[] { Messages.fieldSans,
                String.join(", ", cert.subjectAltNames().stream().map(SubjectAltName::toString).toList()) });
        rows.add(new String[] { Messages.fieldKey, cert.keyAlgorithm() + " " + cert.keySize() });
        rows.add(new String[] { Messages.fieldKeyUsage, Formats.keyUsages(cert.keyUsages()) });
        rows.add(new String[] { Messages.fieldEku,
                String.join(", ", cert.extendedKeyUsages().stream().map(ExtendedKeyUsages::name).sorted().toList()) });
        rows.add(new String[] { Messages.fieldPrivateKey, cert.hasPrivateKey()
                ? NLS.bind(Messages.privateKeyYes, cert.exportable() ? Messages.exportable : Messages.notExportable)
                : Messages.privateKeyNo });
        rows.add(new String[] { Messages.fieldThumbprint, cert.displayThumbprint() });
        rows.add(new String[] { Messages.fieldSha256, cert.sha256Fingerprint() });
        return rows;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        TabFolder tabs = new TabFolder(area, SWT.NONE);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        TabItem general = new TabItem(tabs, SWT.NONE);
        general.setText(Messages.detailsGeneral);
        Composite g = new Composite(tabs, SWT.NONE);
        g.setLayout(new GridLayout(2, false));
        // what an administrator checks first; the Details tab lists every field
        List<String> shown = List.of(Messages.fieldIssuedTo, Messages.fieldIssuedBy, Messages.fieldValidFrom,
                Messages.fieldValidTo, Messages.fieldSans, Messages.fieldKey, Messages.fieldEku,
                Messages.fieldThumbprint, Messages.fieldSha256);
        for (String[] row : rows()) {
            if (shown.contains(row[0])) {
                new Label(g, SWT.NONE).setText(row[0]);
                Text value = new Text(g, SWT.READ_ONLY);
                value.setText(row[1]);
                value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            }
        }
        general.setControl(g);

        TabItem details = new TabItem(tabs, SWT.NONE);
        details.setText(Messages.detailsFields);
        fields = new Table(tabs, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        fields.setHeaderVisible(true);
        new TableColumn(fields, SWT.NONE).setText(Messages.detailsFields);
        new TableColumn(fields, SWT.NONE).setText("");
        for (String[] row : rows()) {
            new TableItem(fields, SWT.NONE).setText(row);
        }
        for (TableColumn c : fields.getColumns()) {
            c.pack();
        }
        details.setControl(fields);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    public Table fields() {
        return fields;
    }

}
