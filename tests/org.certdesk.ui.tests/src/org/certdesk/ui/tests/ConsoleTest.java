package org.certdesk.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.certdesk.api.CertificateInfo;
import org.certdesk.api.PendingRequest;
import org.certdesk.api.RequestStatus;
import org.certdesk.api.StoreName;
import org.certdesk.core.internal.Authorizer;
import org.certdesk.core.internal.CertdeskServiceImpl;
import org.certdesk.core.internal.Contributions;
import org.certdesk.core.internal.DataFolder;
import org.certdesk.ui.internal.AssignDialog;
import org.certdesk.ui.internal.CertificateDetailsDialog;
import org.certdesk.ui.internal.CertificateWizardPart;
import org.certdesk.ui.internal.Messages;
import org.certdesk.ui.internal.PendingDialog;
import org.certdesk.ui.internal.wizard.RequestWizard;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's first slice, through its real widgets under a (virtual) display. */
class ConsoleTest {
    @TempDir
    Path dir;
    private Display display;
    private Shell shell;
    private CertdeskServiceImpl service;
    private CertificateWizardPart part;

    /** A wizard dialog whose buttons the test presses, without blocking in open(). */
    private static final class DrivenDialog extends WizardDialog {
        DrivenDialog(Shell parent, IWizard wizard) {
            super(parent, wizard);
            setBlockOnOpen(false);
        }

        void next() {
            Button next = getButton(IDialogConstants.NEXT_ID);
            assertTrue(next.isEnabled(), "Next is enabled on " + getCurrentPage().getName()
                    + (getCurrentPage().getErrorMessage() == null ? "" : ": " + getCurrentPage().getErrorMessage()));
            nextPressed();
        }

        void finish() {
            assertTrue(getButton(IDialogConstants.FINISH_ID).isEnabled(), "Finish is enabled");
            finishPressed();
        }

        RequestWizard wizard() {
            return (RequestWizard) getWizard();
        }

        Composite page() {
            return (Composite) getCurrentPage().getControl();
        }
    }

    @BeforeEach
    void open() {
        display = Display.getDefault();
        service = new CertdeskServiceImpl(new DataFolder(dir), new Contributions(RegistryFactory.getRegistry()),
                new Authorizer(new Authorizer.Identity("alice", false, List.of("certdesk-admins")), null),
                "ui-test".toCharArray(), Clock.systemUTC());
        shell = new Shell(display);
        shell.setText("Certdesk");
        shell.setLayout(new FillLayout());
        shell.setSize(1100, 640);
        Composite partArea = new Composite(shell, SWT.NONE);
        part = new CertificateWizardPart();
        part.createControls(partArea, service);
        shell.open();
        Ui.waitUntil(display, () -> part.states().size() == 4, "the usages are listed");
    }

    @AfterEach
    void close() {
        shell.dispose();
        Ui.settle(display);
    }

    private void select(String usageId) {
        part.table().setSelection(part.row(usageId));
        part.table().notifyListeners(SWT.Selection, new Event());
    }

    private DrivenDialog requestThroughEveryPage(String friendlyName) {
        return requestThroughEveryPage(friendlyName, "Default");
    }

    private DrivenDialog requestThroughEveryPage(String friendlyName, String usageId) {
        RequestWizard wizard = new RequestWizard(service, List.of(usageId));
        DrivenDialog dialog = new DrivenDialog(shell, wizard);
        dialog.open();
        Ui.screenshot(dialog.getShell(), "request-01-mode");
        dialog.next();
        Combo template = Ui.after(dialog.page(), Messages.caTemplate, Combo.class);
        assertEquals(List.of("", "Usages", "WebServer", "MutualTls"), List.of(template.getItems()),
                "the local CA's templates, after the blank default");
        Ui.screenshot(dialog.getShell(), "request-02-ca");
        dialog.next();
        List<Button> usages = Ui.all(dialog.page(), Button.class);
        String label = service.usage(usageId).label(java.util.Locale.getDefault());
        assertTrue(usages.stream().allMatch(b -> b.getSelection() == b.getText().startsWith(label + " ")),
                "only the usage selected on the main page is checked");
        Ui.screenshot(dialog.getShell(), "request-03-usages");
        dialog.next();
        Text name = Ui.after(dialog.page(), Messages.friendlyName, Text.class);
        Combo key = Ui.after(dialog.page(), Messages.keyType, Combo.class);
        key.select(3); // EC-P256
        key.notifyListeners(SWT.Selection, new Event());
        name.setText(friendlyName);
        assertEquals(null, dialog.getCurrentPage().getErrorMessage());
        Ui.screenshot(dialog.getShell(), "request-04-name");
        dialog.next();
        Text organization = Ui.after(dialog.page(), Messages.organization, Text.class);
        organization.setText("x".repeat(65));
        assertNotNull(dialog.getCurrentPage().getErrorMessage(), "O is at most 64 characters, checked as you type");
        assertFalse(dialog.getCurrentPage().isPageComplete());
        organization.setText("Example Corp");
        assertEquals(null, dialog.getCurrentPage().getErrorMessage());
        Ui.screenshot(dialog.getShell(), "request-05-organization");
        dialog.next();
        Combo country = Ui.after(dialog.page(), Messages.country, Combo.class);
        for (int i = 0; i < country.getItemCount(); i++) {
            if (country.getItem(i).endsWith("(FR)")) {
                country.select(i);
            }
        }
        country.notifyListeners(SWT.Selection, new Event());
        Ui.after(dialog.page(), Messages.city, Text.class).setText("Paris");
        Ui.screenshot(dialog.getShell(), "request-06-geography");
        dialog.next();
        Text newSan = Ui.all(dialog.page(), Text.class).stream().filter(t -> Messages.sanHint.equals(t.getMessage()))
                .findFirst().orElseThrow();
        newSan.setText("bad name!");
        Ui.click(Ui.button(dialog.page(), Messages.add));
        assertNotNull(dialog.getCurrentPage().getErrorMessage(), "an invalid name is refused as you type");
        newSan.setText("console.example.com");
        Ui.click(Ui.button(dialog.page(), Messages.add));
        Ui.screenshot(dialog.getShell(), "request-07-names");
        dialog.next();
        String summary = Ui.all(dialog.page(), Text.class).get(0).getText();
        assertTrue(summary.contains("console.example.com") && summary.contains(friendlyName), summary);
        Ui.screenshot(dialog.getShell(), "request-08-summary");
        dialog.next();
        Ui.waitUntil(display, () -> "status".equals(dialog.getCurrentPage().getName()), "the CA has answered");
        return dialog;
    }

    @Test
    void requestThenAssignedThenViewThenRemove() {
        service.trustRoot(service.caRoot("local").orElseThrow().encoded()); // as the first-start setup offers
        select("Default");
        Ui.screenshot(shell, "main-01-empty");
        assertFalse(part.canRemove() || part.canView(), "Remove and View need an assigned certificate");
        assertTrue(part.canAssign());

        DrivenDialog dialog = requestThroughEveryPage("Front end");
        RequestWizard wizard = dialog.wizard();
        assertEquals(RequestStatus.ISSUED, wizard.model().outcome().status());
        String thumbprint = wizard.model().outcome().certificate().displayThumbprint();
        Composite status = dialog.page();
        assertTrue(Ui.all(status, Text.class).stream().anyMatch(t -> t.getText().equals(thumbprint)),
                "the status page shows the thumbprint");
        Button assign = Ui.all(status, Button.class).stream().filter(b -> (b.getStyle() & SWT.CHECK) != 0)
                .findFirst().orElseThrow();
        assertTrue(assign.getSelection() && assign.isEnabled(), "assign to the usages chosen is on by default");
        assertFalse(Ui.button(status, Messages.trustCaRoot).getVisible(), "nothing to trust");
        Ui.screenshot(dialog.getShell(), "request-09-status");
        dialog.finish();

        part.refresh();
        Ui.waitUntil(display, () -> part.row("Default").getText(2).equals(thumbprint),
                "the usage shows the new thumbprint");
        select("Default");
        assertTrue(part.canView() && part.canRemove());
        Ui.screenshot(shell, "main-02-assigned");

        CertificateDetailsDialog details = new CertificateDetailsDialog(shell, service.find(thumbprint));
        details.setBlockOnOpen(false);
        details.open();
        List<String> general = Ui.all(details.getShell(), Text.class).stream().map(Text::getText).toList();
        assertTrue(general.stream().anyMatch(t -> t.contains("DNS:console.example.com")), "SANs: " + general);
        assertTrue(general.contains("EC 256"), "key: " + general);
        assertTrue(general.contains(thumbprint), "thumbprint: " + general);
        Ui.screenshot(details.getShell(), "details-general");
        details.close();

        Ui.answer(display, NLS.bind(Messages.detailsTitle, "Front end"), IDialogConstants.CLOSE_LABEL);
        part.view();
        Ui.answer(display, Messages.removeTitle, IDialogConstants.OK_LABEL);
        part.remove();
        part.refresh();
        Ui.waitUntil(display, () -> part.row("Default").getText(2).isEmpty(), "the usage is unassigned");
        Ui.screenshot(shell, "main-03-removed");
        assertEquals("Front end", service.find(thumbprint).friendlyName(), "Remove keeps the certificate");
    }

    @Test
    void usagesAreGroupedUnderTheirProfile() {
        String profile = service.profiles().get(0).label(java.util.Locale.getDefault());
        assertEquals(profile, part.table().getItem(0).getText(0), "the profile heads its usages");
        assertEquals(part.table().indexOf(part.row("Default")), 1);
        part.table().setSelection(0);
        part.table().notifyListeners(SWT.Selection, new Event());
        assertFalse(part.canAssign() || part.canView() || part.canRemove(), "a heading is not a usage");
    }

    @Test
    void importingARootShowsItsSubjectAndFingerprintBeforeTrustingIt() throws Exception {
        CertificateInfo root = service.caRoot("local").orElseThrow();
        Path pem = dir.resolve("root.pem");
        java.nio.file.Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(root.encoded())
                + "\n-----END CERTIFICATE-----\n");
        String[] asked = new String[1];
        Ui.answer(display, Messages.trustRootTitle, IDialogConstants.NO_LABEL, asked);
        part.importFile(pem);
        Ui.waitUntil(display, () -> asked[0] != null, "the import asks before trusting the root");
        Ui.settle(display);
        assertTrue(asked[0].contains(root.sha256Fingerprint()) && asked[0].contains(root.subject().split(",")[0]),
                asked[0]);
        assertTrue(service.list(StoreName.TRUSTED_ROOT).stream().noneMatch(c -> c.sha1Thumbprint()
                .equals(root.sha1Thumbprint())), "No leaves the root untrusted");

        Ui.answer(display, Messages.trustRootTitle, IDialogConstants.YES_LABEL);
        part.importFile(pem);
        Ui.waitUntil(display, () -> service.list(StoreName.TRUSTED_ROOT).stream().anyMatch(c -> c.sha1Thumbprint()
                .equals(root.sha1Thumbprint())), "Yes trusts it");
    }

    @Test
    void assignOffersPersonalCertificatesAndRefusesOneThatFailsTheUsage() {
        service.trustRoot(service.caRoot("local").orElseThrow().encoded());
        DrivenDialog dialog = requestThroughEveryPage("Internal only", "WebServicesInternal");
        Button assignBox = Ui.all(dialog.page(), Button.class).stream().filter(b -> (b.getStyle() & SWT.CHECK) != 0)
                .findFirst().orElseThrow();
        Ui.click(assignBox); // keep it unassigned
        dialog.finish();
        String thumbprint = dialog.wizard().model().outcome().certificate().displayThumbprint();

        AssignDialog wrong = new AssignDialog(shell, service, service.usage("Default"));
        wrong.setBlockOnOpen(false);
        wrong.open();
        int row = indexOf(wrong.table(), thumbprint);
        wrong.table().setSelection(row);
        wrong.table().notifyListeners(SWT.Selection, new Event());
        String shown = texts(wrong.getShell());
        assertTrue(shown.contains("clientAuth"), "the dialog says what is missing: " + shown);
        assertFalse(Ui.button(wrong.getShell(), IDialogConstants.OK_LABEL).isEnabled(), "refused while it fails");
        Ui.screenshot(wrong.getShell(), "assign-01-refused");
        wrong.close();

        AssignDialog right = new AssignDialog(shell, service, service.usage("WebServicesInternal"));
        right.setBlockOnOpen(false);
        right.open();
        right.table().setSelection(indexOf(right.table(), thumbprint));
        right.table().notifyListeners(SWT.Selection, new Event());
        assertTrue(Ui.button(right.getShell(), IDialogConstants.OK_LABEL).isEnabled(), "a fitting certificate");
        assertTrue(texts(right.getShell()).contains(Messages.assignOk));
        Ui.screenshot(right.getShell(), "assign-02-ok");
        right.close();
    }

    private static int indexOf(Table table, String thumbprint) {
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getText(1).equals(thumbprint)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + thumbprint);
    }

    private static String texts(Shell shell) {
        List<String> all = new java.util.ArrayList<>();
        Ui.all(shell, Label.class).forEach(l -> all.add(l.getText()));
        Ui.all(shell, Text.class).forEach(t -> all.add(t.getText()));
        return String.join("\n", all);
    }

    @Test
    void untrustedRootIsExplainedAndAssignmentWaitsForTrust() {
        select("Default");
        DrivenDialog dialog = requestThroughEveryPage("Untrusted");
        Composite status = dialog.page();
        String text = String.join("\n", Ui.all(status, Label.class).stream().map(Label::getText).toList());
        assertTrue(text.contains("not in the Trusted Root store"), text);
        Button assign = Ui.all(status, Button.class).stream().filter(b -> (b.getStyle() & SWT.CHECK) != 0)
                .findFirst().orElseThrow();
        assertFalse(assign.isEnabled() || assign.getSelection(), "no assignment while the chain is untrusted");
        assertTrue(Ui.button(status, Messages.trustCaRoot).getVisible());
        Ui.screenshot(dialog.getShell(), "request-10-untrusted");

        Ui.answer(display, Messages.trustRootTitle, IDialogConstants.YES_LABEL);
        Ui.click(Ui.button(status, Messages.trustCaRoot));
        assertTrue(assign.isEnabled() && assign.getSelection(), "trusting the root enables assignment");
        dialog.finish();
        assertTrue(service.usageStates().get(0).isAssigned());
    }

    @Test
    void readOnlyForNonAdministrators() {
        CertdeskServiceImpl viewer = new CertdeskServiceImpl(new DataFolder(dir),
                new Contributions(RegistryFactory.getRegistry()),
                new Authorizer(new Authorizer.Identity("bob", false, List.of("users")), null), "ui-test".toCharArray(),
                Clock.systemUTC());
        Shell other = new Shell(display);
        other.setLayout(new FillLayout());
        other.setSize(1100, 640);
        CertificateWizardPart readOnly = new CertificateWizardPart();
        readOnly.createControls(new Composite(other, SWT.NONE), viewer);
        other.open();
        Ui.waitUntil(display, () -> readOnly.states().size() == 4, "the usages are listed");
        readOnly.table().setSelection(readOnly.row("Default"));
        readOnly.table().notifyListeners(SWT.Selection, new Event());
        Ui.screenshot(other, "main-04-read-only");
        assertFalse(Ui.button(other, Messages.request).isEnabled());
        assertFalse(Ui.button(other, Messages.assign).isEnabled());
        assertFalse(Ui.button(other, Messages.importCertificate).isEnabled());
        assertTrue(Ui.button(other, Messages.refresh).isEnabled());
        assertTrue(Ui.all(other, Label.class).stream().anyMatch(l -> l.getText().contains("certdesk-admins")));
        other.dispose();
    }

    @Test
    void pendingRequestEnablesProcessPendingAfterRefresh() {
        service.setCaSetting("local", "requireApproval", "true");
        select("Default");
        DrivenDialog dialog = requestThroughEveryPage("Waiting");
        RequestWizard wizard = dialog.wizard();
        assertEquals(RequestStatus.PENDING, wizard.model().outcome().status());
        Ui.screenshot(dialog.getShell(), "request-11-pending");
        dialog.finish();
        part.refresh();
        Ui.waitUntil(display, part::canProcessPending, "Refresh finds the pending request");
        assertTrue(Ui.button(shell, Messages.processPending).isEnabled());

        PendingRequest waiting = service.pendingRequests().stream().filter(p -> p.status() == RequestStatus.PENDING)
                .findFirst().orElseThrow();
        PendingDialog choose = new PendingDialog(shell, List.of(waiting));
        choose.setBlockOnOpen(false);
        choose.open();
        choose.table().setSelection(0);
        choose.table().notifyListeners(SWT.Selection, new Event());
        assertTrue(Ui.button(choose.getShell(), IDialogConstants.OK_LABEL).isEnabled(), "a request is chosen");
        assertEquals(waiting.caRequestId(), choose.table().getItem(0).getText(1));
        Ui.screenshot(choose.getShell(), "pending-01-choose");
        choose.close();

        // the CA's administrator approves it; Process pending asks again, in a Job, and shows the status page
        service.trustRoot(service.caRoot("local").orElseThrow().encoded());
        service.approve("local", waiting.caRequestId());
        DrivenDialog processing = new DrivenDialog(shell, RequestWizard.processing(service, waiting));
        processing.open();
        Ui.waitUntil(display, () -> "status".equals(processing.getCurrentPage().getName()), "the CA has answered");
        assertEquals(RequestStatus.ISSUED, processing.wizard().model().outcome().status());
        String thumbprint = processing.wizard().model().outcome().certificate().displayThumbprint();
        Ui.screenshot(processing.getShell(), "pending-02-issued");
        processing.finish();
        part.refresh();
        Ui.waitUntil(display, () -> part.row("Default").getText(2).equals(thumbprint), "the usage shows it");
        Ui.waitUntil(display, () -> !part.canProcessPending(), "nothing is pending any more");
    }

    @Test
    void frenchMessagesCoverEveryKey() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties fr = new java.util.Properties();
        try (var a = Messages.class.getResourceAsStream("messages.properties");
                var b = Messages.class.getResourceAsStream("messages_fr.properties")) {
            en.load(a);
            fr.load(b);
        }
        assertEquals(en.keySet(), fr.keySet());
        assertTrue(fr.getProperty("partTitle").equals("Assistant Certificat"));
    }
}
