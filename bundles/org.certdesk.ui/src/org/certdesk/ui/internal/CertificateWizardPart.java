package org.certdesk.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskService;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.PendingRequest;
import org.certdesk.api.RequestStatus;
import org.certdesk.api.UsageProfile;
import org.certdesk.api.UsageState;
import org.certdesk.ui.internal.wizard.RequestWizard;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;

/**
 * The main page: the server's usages with the certificate assigned to each, and the seven actions. The same
 * methods back the buttons and the application model's command handlers.
 */
public class CertificateWizardPart {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private CertdeskService service;
    private Shell shell;
    private Table table;
    private Label banner;
    private Button request;
    private Button assign;
    private Button remove;
    private Button view;
    private Button refresh;
    private Button importButton;
    private Button processPending;
    private List<UsageState> states = List.of();
    private boolean validPending;
    private boolean startupMarked;
    private boolean relaidOut;

    @PostConstruct
    public void createControls(Composite parent, @Optional @Service CertdeskService certdesk) {
        this.service = certdesk;
        this.shell = parent.getShell();
        parent.setLayout(new GridLayout(1, false));
        if (certdesk == null) { // the data folder could not be opened: say so instead of failing to draw
            Label unavailable = new Label(parent, SWT.WRAP);
            unavailable.setText(Messages.unavailable);
            unavailable.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            return;
        }
        banner = new Label(parent, SWT.WRAP);
        banner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        banner.setText(Messages.intro);

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 160; // a small preferred height lets the buttons keep their row in small windows
        table.setLayoutData(tableData);
        for (String title : List.of(Messages.colUsage, Messages.colFriendlyName, Messages.colThumbprint,
                Messages.colExpires, Messages.colStatus)) {
            new TableColumn(table, SWT.NONE).setText(title);
        }
        table.addListener(SWT.Selection, e -> updateEnablement());
        table.addListener(SWT.DefaultSelection, e -> view());

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
        request = button(buttons, Messages.request, this::request);
        assign = button(buttons, Messages.assign, this::assign);
        remove = button(buttons, Messages.remove, this::remove);
        view = button(buttons, Messages.view, this::view);
        refresh = button(buttons, Messages.refresh, this::refresh);
        importButton = button(buttons, Messages.importCertificate, this::importCertificate);
        processPending = button(buttons, Messages.processPending, this::processPending);
        service.readOnlyReason().ifPresent(reason -> banner.setText(NLS.bind(Messages.readOnly, reason)));
        updateEnablement();
        refresh();
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    // ---- state and enablement ----

    /** False when the data folder could not be opened: then every action is off. */
    public boolean available() {
        return service != null && table != null;
    }

    /** The usage on the selected row; null when nothing or a profile's heading row is selected. */
    private UsageState selected() {
        if (!available()) {
            return null;
        }
        int i = table.getSelectionIndex();
        return i < 0 ? null : (UsageState) table.getItem(i).getData();
    }

    /** The row that shows {@code usageId}, or null. */
    public TableItem row(String usageId) {
        if (!available()) {
            return null;
        }
        for (TableItem item : table.getItems()) {
            if (item.getData() instanceof UsageState s && s.usage().id().equals(usageId)) {
                return item;
            }
        }
        return null;
    }

    public boolean canChange() {
        return available() && service.isAdministrator();
    }

    public boolean canAssign() {
        return canChange() && selected() != null;
    }

    public boolean canRemove() {
        return canChange() && selected() != null && selected().isAssigned();
    }

    public boolean canView() {
        return selected() != null && selected().isAssigned();
    }

    /** True when Refresh found a pending request that its CA may still answer. */
    public boolean canProcessPending() {
        return canChange() && validPending;
    }

    private void updateEnablement() {
        if (table.isDisposed()) {
            return;
        }
        request.setEnabled(canChange());
        assign.setEnabled(canAssign());
        remove.setEnabled(canRemove());
        view.setEnabled(canView());
        importButton.setEnabled(canChange());
        processPending.setEnabled(canProcessPending());
        refresh.setEnabled(true);
    }

    public Table table() {
        return table;
    }

    public List<UsageState> states() {
        return states;
    }

    // ---- actions ----

    /** Rereads the stores, the assignments and the pending requests, off the UI thread. */
    public void refresh() {
        if (!available() || table.isDisposed()) { // e.g. a change finished after the window was closed
            return;
        }
        UiJobs.run(Messages.working, shell.getDisplay(), () -> {
            service.refresh();
            boolean pending = service.pendingRequests().stream().anyMatch(p -> p.status() == RequestStatus.PENDING);
            return new Snapshot(service.profiles(), service.usageStates(), pending);
        }, this::show, e -> UiJobs.showError(shell, e));
    }

    private record Snapshot(List<UsageProfile> profiles, List<UsageState> states, boolean pending) {
    }

    private void show(Snapshot snapshot) {
        if (table.isDisposed()) {
            return;
        }
        String selectedId = selected() == null ? null : selected().usage().id();
        states = snapshot.states();
        validPending = snapshot.pending();
        table.removeAll();
        Locale locale = Locale.getDefault();
        // one heading row per profile (in the order the profiles are contributed), then its usages
        for (UsageProfile profile : snapshot.profiles()) {
            List<UsageState> members = states.stream().filter(s -> profile.id().equals(s.usage().profileId())).toList();
            if (!members.isEmpty()) {
                heading(profile.label(locale));
                members.forEach(s -> row(s, locale, selectedId));
            }
        }
        List<UsageState> orphans = states.stream().filter(s -> snapshot.profiles().stream()
                .noneMatch(p -> p.id().equals(s.usage().profileId()))).toList();
        if (!orphans.isEmpty()) {
            heading(Messages.otherUsages);
            orphans.forEach(s -> row(s, locale, selectedId));
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        updateEnablement();
        if (!relaidOut) {
            // the workbench lays the window out before its menu and tool bar have their height on GTK, which
            // pushes the button row below the window's edge until the first resize: lay it out again, once
            relaidOut = true;
            shell.layout(true, true);
        }
        markStartup();
    }

    private void heading(String text) {
        TableItem item = new TableItem(table, SWT.NONE);
        item.setText(0, text);
        item.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
    }

    private void row(UsageState s, Locale locale, String selectedId) {
        CertificateInfo c = s.assigned();
        TableItem item = new TableItem(table, SWT.NONE);
        item.setData(s);
        item.setText(new String[] { "    " + s.usage().label(locale), c == null ? "" : c.friendlyName(),
                c == null ? "" : c.displayThumbprint(),
                c == null ? "" : DATE.format(c.notAfter().atZone(ZoneId.systemDefault())), status(s) });
        if (s.usage().id().equals(selectedId)) {
            table.setSelection(item);
        }
    }

    static String status(UsageState s) {
        if (!s.problems().isEmpty()) {
            return s.problems().get(0);
        }
        if (s.assigned() == null) {
            return Messages.statusNothing;
        }
        long days = ChronoUnit.DAYS.between(Instant.now(), s.assigned().notAfter());
        return days <= 30 ? NLS.bind(Messages.statusExpiresIn, days) : Messages.statusOk;
    }

    /** For the start-up benchmark: records when the table first shows the usages. */
    private void markStartup() {
        String marker = System.getProperty("certdesk.startupMarker");
        if (marker != null && !startupMarked) {
            startupMarked = true;
            shell.getDisplay().asyncExec(() -> {
                try {
                    Files.writeString(Path.of(marker), Long.toString(System.currentTimeMillis()));
                } catch (java.io.IOException e) {
                    // the benchmark reports the missing marker
                }
            });
        }
    }

    public void request() {
        List<String> preselected = selected() == null ? List.of() : List.of(selected().usage().id());
        RequestWizard wizard = new RequestWizard(service, preselected);
        new WizardDialog(shell, wizard).open();
        refresh();
    }

    public void assign() {
        UsageState s = selected();
        if (s == null) {
            return;
        }
        AssignDialog dialog = new AssignDialog(shell, service, s.usage());
        if (dialog.open() == AssignDialog.OK && dialog.chosen() != null) {
            String thumbprint = dialog.chosen().sha1Thumbprint();
            change(() -> service.assign(s.usage().id(), thumbprint));
        }
    }

    public void remove() {
        UsageState s = selected();
        if (s == null || !s.isAssigned()) {
            return;
        }
        if (MessageDialog.openConfirm(shell, Messages.removeTitle, NLS.bind(Messages.removeQuestion,
                s.assigned().friendlyName(), s.usage().label(Locale.getDefault())))) {
            change(() -> service.remove(s.usage().id()));
        }
    }

    public void view() {
        UsageState s = selected();
        if (s != null && s.isAssigned()) {
            new CertificateDetailsDialog(shell, s.assigned()).open();
        }
    }

    public void importCertificate() {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(Messages.importTitle);
        dialog.setFilterExtensions(new String[] { "*.pem;*.crt;*.cer;*.der;*.p7b;*.p7c", "*" });
        String file = dialog.open();
        if (file != null) {
            importFile(Path.of(file));
        }
    }

    /**
     * Imports a file; a self-signed root in it is trusted only after the admin has seen its subject and SHA-256
     * fingerprint and said yes (one question per root).
     */
    public void importFile(Path file) {
        UiJobs.run(Messages.working, shell.getDisplay(), () -> service.importCertificates(file, false),
                imported -> refresh(), e -> {
                    if (e instanceof CertdeskException c && c.reason() == CertdeskException.Reason.UNTRUSTED_CHAIN) {
                        if (confirmRoots(file, c.getMessage())) {
                            change(() -> service.importCertificates(file, true));
                        }
                    } else {
                        UiJobs.showError(shell, e);
                    }
                });
    }

    /**
     * Runs a change off the UI thread (the store may wait for another console's or the command line's lock),
     * then shows the new state; a refusal is shown in its own words.
     */
    private void change(Runnable work) {
        UiJobs.run(Messages.working, shell.getDisplay(), () -> {
            work.run();
            return Boolean.TRUE;
        }, done -> refresh(), e -> {
            UiJobs.showError(shell, e);
            refresh();
        });
    }

    private boolean confirmRoots(Path file, String serviceExplanation) {
        if (shell.isDisposed()) {
            return false;
        }
        List<CertificateInfo> roots;
        try {
            roots = service.inspect(file).stream().filter(CertificateInfo::selfSigned).toList();
        } catch (CertdeskException e) {
            roots = List.of();
        }
        if (roots.isEmpty()) { // unreadable here: the service's sentence names the root instead
            return MessageDialog.openQuestion(shell, Messages.trustRootTitle, serviceExplanation);
        }
        for (CertificateInfo root : roots) {
            if (!MessageDialog.openQuestion(shell, Messages.trustRootTitle,
                    NLS.bind(Messages.trustRootQuestion, root.subject(), root.sha256Fingerprint()))) {
                return false;
            }
        }
        return true;
    }

    public void processPending() {
        List<PendingRequest> pending = service.pendingRequests().stream()
                .filter(p -> p.status() == RequestStatus.PENDING).toList();
        if (pending.isEmpty()) {
            MessageDialog.openInformation(shell, Messages.pendingTitle, Messages.pendingNone);
            refresh();
            return;
        }
        PendingDialog dialog = new PendingDialog(shell, pending);
        if (dialog.open() != PendingDialog.OK || dialog.chosen() == null) {
            return;
        }
        RequestWizard wizard = RequestWizard.processing(service, dialog.chosen());
        new WizardDialog(shell, wizard).open();
        refresh();
    }
}
