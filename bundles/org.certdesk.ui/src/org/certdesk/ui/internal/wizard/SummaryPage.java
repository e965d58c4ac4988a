package org.certdesk.ui.internal.wizard;

import java.util.Locale;

import org.certdesk.api.CertdeskService;
import org.certdesk.ui.internal.Messages;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/** Everything the request will say, and the command line that would do the same. */
class SummaryPage extends WizardPage {
    private final RequestModel model;
    private final CertdeskService service;
    private Text summary;

    SummaryPage(RequestModel model, CertdeskService service) {
        super("summary");
        this.model = model;
        this.service = service;
        setTitle(Messages.summaryTitle);
        setDescription(Messages.summaryDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 1);
        summary = new Text(c, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 200;
        summary.setLayoutData(gd);
        Button command = new Button(c, SWT.PUSH);
        command.setText(Messages.showCommand);
        command.addListener(SWT.Selection, e -> MessageDialog.openInformation(getShell(), Messages.commandTitle,
                model.command()));
        setControl(c);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            summary.setText(text());
        }
        super.setVisible(visible);
    }

    String text() {
        Locale locale = Locale.getDefault();
        StringBuilder b = new StringBuilder();
        String ca = service.caEntries().stream().filter(e -> e.id().equals(model.caId)).findFirst()
                .map(e -> e.label() + " (" + e.id() + ")").orElse(model.caId);
        line(b, Messages.sumCa, ca);
        line(b, Messages.sumTemplate, blank(model.template) ? Messages.sumTemplateDefault : model.template.trim());
        line(b, Messages.sumUsages, String.join(", ", model.usageIds.stream()
                .map(id -> service.usage(id).label(locale)).toList()));
        line(b, Messages.sumFriendlyName, blank(model.friendlyName) ? Messages.sumNameGenerated
                : model.friendlyName.trim());
        line(b, Messages.keyType, model.keySpec.label() + (model.exportable ? ", " + Messages.exportable : ""));
        line(b, Messages.organization, model.organization);
        line(b, Messages.orgUnit, model.organizationalUnit);
        line(b, Messages.country, model.country);
        line(b, Messages.state, model.state);
        line(b, Messages.city, model.city);
        String cn = service.proposedSubject(model.usageIds);
        line(b, Messages.subject, cn == null ? "" : "CN=" + cn);
        line(b, Messages.sans, String.join(", ", service.proposedSans(model.usageIds).stream().map(Object::toString).toList()));
        line(b, Messages.extraSans, String.join(", ", model.extraSans.stream().map(Object::toString).toList()));
        return b.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(label.replace("&", "")).append(' ').append(blank(value) ? "\u2014" : value).append('\n');
    }

    Text summary() {
        return summary;
    }
}
