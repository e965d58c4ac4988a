package org.certdesk.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.certdesk.api.AuditEntry;
import org.certdesk.api.CaEntry;
import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.Contribution;
import org.certdesk.api.ExtendedKeyUsages;
import org.certdesk.api.KeySpec;
import org.certdesk.api.PendingRequest;
import org.certdesk.api.ProgressSink;
import org.certdesk.api.RequestOutcome;
import org.certdesk.api.RequestSpec;
import org.certdesk.api.RequestStatus;
import org.certdesk.api.StoreName;
import org.certdesk.api.SubjectAltName;
import org.certdesk.api.UsageState;
import org.certdesk.core.internal.CertdeskServiceImpl;
import org.certdesk.core.internal.Contributions;
import org.certdesk.core.internal.DataFolder;
import org.certdesk.spi.CaAdministration;
import org.eclipse.core.runtime.RegistryFactory;

/**
 * The {@code certdesk} command line. Exit codes: 0 success, 1 unexpected failure, otherwise the
 * {@link Reason#exitCode()} of the refusal (2 invalid input, 3 not authorized, 4 unknown usage, ...).
 */
public final class Cli {
    static final String USAGE = """
            Usage: certdesk [--json] [--data DIR] COMMAND [ARGS]

            Looking (anyone):
              get [USAGE]                    usages with the certificate assigned and its status
              list [--store personal|intermediate|root|request|all]
              show THUMBPRINT                one certificate, all stores
              test-configuration             checks every assigned certificate against its usage (exit 7 if one fails)
              pending list                   requests a CA has not answered yet
              ca list                        configured CA entries
              local-ca list [CA]             requests waiting for approval on the embedded CA
              contributions                  installed CA types, store providers and usage profiles
              audit                          who changed what, when
            Changing (administrators):
              request --usage U [--usage U2 ...] [--ca CA] [--template T] [--name NAME]
                      [--key RSA-2048|RSA-3072|RSA-4096|EC-P256|EC-P384] [--exportable]
                      [--org O] [--ou OU] [--country CC] [--state S] [--city L] [--cn NAME]
                      [--san DNS:name|IP:addr|EMAIL:x|URI:x ...] [--assign]
              assign USAGE THUMBPRINT        (refused: no key, usage requirements not met, untrusted chain)
              remove USAGE                   unassigns; the certificate stays in the store
              import FILE [--trust-roots]    PEM, DER or PKCS#7 certificates; roots only with --trust-roots
              export THUMBPRINT FILE         the certificate and its chain as PEM
              trust-ca-root [CA]             trusts the root of a CA Certdesk runs (default: local)
              pending retrieve ID [--assign] asks the CA again; --assign assigns to the usages chosen
              pending clear ID               forgets the request and discards its key
              local-ca approve ID [--ca CA]  issues a request waiting for approval
              local-ca deny ID [--reason R] [--ca CA]
              ca set CA KEY=VALUE            e.g. ca set local requireApproval=true
              server set KEY=VALUE[,VALUE]   the server configuration the SAN rules read (fqdn, poolFqdn,
                                             sipDomains, externalWebFqdn, site keys); 'server' shows it
              admin-group GROUP              the OS group whose members may change certificates
              store use pkcs11 library=PATH [slot=ID|slotListIndex=N] [pinFile=PATH]
                                             keys on a PKCS#11 token (PIN from $CERTDESK_PKCS11_PIN or
                                             an owner-only pinFile); 'store use file' goes back to
                                             PKCS#12 files; 'store' shows which is used
              export-key THUMBPRINT FILE     the private key as PKCS#8 PEM (exportable software keys only)
            """;

    private static final Set<String> FLAGS = Set.of("json", "exportable", "assign", "trust-roots", "help");
    private static final Set<String> VALUED = Set.of("data", "store", "usage", "ca", "template", "name", "key", "org",
            "ou", "country", "state", "city", "cn", "san", "reason");

    private final PrintStream out;
    private final PrintStream err;
    private final Function<Path, CertdeskServiceImpl> opener;
    private boolean json;

    public Cli(PrintStream out, PrintStream err) {
        this(out, err, dir -> CertdeskServiceImpl.open(new DataFolder(dir),
                new Contributions(RegistryFactory.getRegistry())));
    }

    /** @param opener opens the services on a data folder (tests pass their own identity) */
    public Cli(PrintStream out, PrintStream err, Function<Path, CertdeskServiceImpl> opener) {
        this.out = out;
        this.err = err;
        this.opener = opener;
    }

    public int run(String... argv) {
        List<String> words = new ArrayList<>(Arrays.asList(argv));
        json = words.remove("--json");
        try {
            Args args = new Args(words, FLAGS, VALUED);
            if (args.positionalCount() == 0 || args.flag("help") || args.positional(0, "command").equals("help")) {
                out.print(USAGE);
                return args.positionalCount() == 0 && !args.flag("help") ? Reason.INVALID_INPUT.exitCode() : 0;
            }
            Path data = args.get("data") != null ? Path.of(args.get("data")) : DataFolder.defaultLocation();
            CertdeskServiceImpl service = opener.apply(data);
            try {
                return dispatch(service, args);
            } finally {
                service.close();
            }
        } catch (CertdeskException e) {
            fail(e.reason().name(), e.getMessage());
            return e.reason().exitCode();
        } catch (RuntimeException e) {
            fail("ERROR", e.toString());
            return 1;
        }
    }

    private void fail(String code, String message) {
        if (json) {
            out.println(Json.write(map("error", code, "message", message)));
        }
        err.println("certdesk: " + message);
    }

    private int dispatch(CertdeskServiceImpl s, Args a) {
        String command = a.positional(0, "command");
        switch (command) {
            case "get", "usages" -> {
                String only = a.positionalCount() > 1 ? s.usage(a.positional(1, "usage")).id() : null;
                List<UsageState> states = s.usageStates().stream()
                        .filter(u -> only == null || u.usage().id().equals(only)).toList();
                print(states.stream().map(Cli::usageJson).toList(), () -> {
                    for (UsageState u : states) {
                        out.printf("%-22s %-42s %-12s %s%n", u.usage().id(),
                                u.assigned() == null ? "-" : u.assigned().displayThumbprint(),
                                u.assigned() == null ? "" : u.assigned().notAfter().truncatedTo(ChronoUnit.DAYS)
                                        .toString().substring(0, 10),
                                status(u));
                    }
                });
                return 0;
            }
            case "list" -> {
                String which = a.get("store") == null ? "all" : a.get("store").toLowerCase(Locale.ROOT);
                List<StoreName> stores = which.equals("all") ? List.of(StoreName.values()) : List.of(storeName(which));
                List<Map<String, Object>> rows = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                for (StoreName store : stores) {
                    for (CertificateInfo c : s.list(store)) {
                        if (json) {
                            Map<String, Object> row = certJson(c);
                            row.put("store", store.name());
                            rows.add(row);
                            continue;
                        }
                        // plain appends: String.format costs more than the listing itself on large stores
                        text.append(pad(store.name(), 13)).append(' ').append(c.displayThumbprint()).append("  ")
                                .append(pad(c.friendlyName(), 30)).append(' ')
                                .append(c.notAfter().toString(), 0, 10).append("  ").append(c.subject()).append('\n');
                    }
                }
                print(rows, () -> out.print(text));
                return 0;
            }
            case "show" -> {
                CertificateInfo c = s.find(a.positional(1, "thumbprint"));
                print(certJson(c), () -> certText(c));
                return 0;
            }
            case "test-configuration" -> {
                List<UsageState> states = s.usageStates();
                boolean failed = states.stream().anyMatch(u -> !u.problems().isEmpty());
                print(states.stream().map(Cli::usageJson).toList(), () -> {
                    for (UsageState u : states) {
                        out.printf("%-22s %s%n", u.usage().id(), status(u));
                        u.problems().forEach(p -> out.println("    " + p));
                    }
                });
                return failed ? Reason.REQUIREMENT_FAILED.exitCode() : 0;
            }
            case "request" -> {
                return request(s, a);
            }
            case "assign" -> {
                String usage = s.usage(a.positional(1, "usage")).id();
                CertificateInfo cert = s.find(a.positional(2, "thumbprint"));
                s.assign(usage, cert.sha1Thumbprint());
                print(map("assigned", cert.sha1Thumbprint(), "usage", usage),
                        () -> out.println("Assigned " + cert.displayThumbprint() + " to " + usage));
                return 0;
            }
            case "remove" -> {
                String usage = s.usage(a.positional(1, "usage")).id();
                s.remove(usage);
                print(map("removed", usage), () -> out.println("No certificate is assigned to " + usage + " now."));
                return 0;
            }
            case "import" -> {
                List<CertificateInfo> imported = s.importCertificates(Path.of(a.positional(1, "file")),
                        a.flag("trust-roots"));
                print(imported.stream().map(Cli::certJson).toList(), () -> imported.forEach(c -> out.println(
                        "Imported " + c.displayThumbprint() + " " + c.subject())));
                return 0;
            }
            case "export" -> {
                s.exportPem(a.positional(1, "thumbprint"), Path.of(a.positional(2, "file")));
                print(map("exported", a.positional(2, "file")), () -> out.println("Wrote " + a.positional(2, "file")));
                return 0;
            }
            case "trust-ca-root" -> {
                String ca = a.positionalCount() > 1 ? a.positional(1, "CA") : DataFolder.LOCAL_CA;
                CertificateInfo root = s.caRoot(ca).orElseThrow(() -> new CertdeskException(Reason.INVALID_INPUT,
                        "CA entry '" + ca + "' cannot hand out its root: import it from a file."));
                s.trustRoot(root.encoded());
                print(certJson(root), () -> out.println("Trusted " + root.subject() + "\n  SHA-256 "
                        + root.sha256Fingerprint()));
                return 0;
            }
            case "pending" -> {
                return pending(s, a);
            }
            case "local-ca" -> {
                return localCa(s, a);
            }
            case "ca" -> {
                String sub = a.positionalCount() > 1 ? a.positional(1, "subcommand") : "list";
                if (sub.equals("set")) {
                    String[] kv = a.positional(3, "KEY=VALUE").split("=", 2);
                    if (kv.length != 2) {
                        throw new CertdeskException(Reason.INVALID_INPUT, "Write the setting as KEY=VALUE.");
                    }
                    s.setCaSetting(a.positional(2, "CA"), kv[0], kv[1]);
                    print(map("ca", a.positional(2, "CA"), kv[0], kv[1]), () -> out.println("Set."));
                    return 0;
                }
                List<CaEntry> cas = s.caEntries();
                print(cas.stream().map(c -> map("id", c.id(), "type", c.typeId(), "label", c.label(), "settings",
                        c.settings())).toList(), () -> cas.forEach(c -> out.printf("%-12s %-28s %s %s%n", c.id(),
                                c.typeId(), c.label(), c.settings().isEmpty() ? "" : c.settings())));
                return 0;
            }
            case "server" -> {
                if (a.positionalCount() > 1 && a.positional(1, "subcommand").equals("set")) {
                    String[] kv = a.positional(2, "KEY=VALUE").split("=", 2);
                    if (kv.length != 2) {
                        throw new CertdeskException(Reason.INVALID_INPUT, "Write the setting as KEY=VALUE.");
                    }
                    s.setServerSetting(kv[0], kv[1]);
                }
                Map<String, List<String>> config = s.serverConfiguration().values();
                print(config, () -> config.forEach((k, v) -> out.println(k + " = " + String.join(", ", v))));
                return 0;
            }
            case "admin-group" -> {
                s.setAdminGroup(a.positional(1, "group"));
                print(map("adminGroup", a.positional(1, "group")), () -> out.println("Administrators are now the"
                        + " members of " + a.positional(1, "group") + " (and root)."));
                return 0;
            }
            case "store" -> {
                if (a.positionalCount() > 1 && a.positional(1, "subcommand").equals("use")) {
                    String kind = a.positional(2, "pkcs11|file|PROVIDER_ID");
                    String provider = kind.equals("pkcs11") || kind.equals("file") ? "org.certdesk.store." + kind
                            : kind;
                    Map<String, String> settings = new LinkedHashMap<>();
                    for (int i = 3; i < a.positionalCount(); i++) {
                        String[] kv = a.positional(i, "KEY=VALUE").split("=", 2);
                        if (kv.length != 2) {
                            throw new CertdeskException(Reason.INVALID_INPUT, "Write the setting as KEY=VALUE.");
                        }
                        settings.put(provider.equals("org.certdesk.store.pkcs11") && !kv[0].contains(".")
                                ? "pkcs11." + kv[0] : kv[0], kv[1]);
                    }
                    s.useStore(provider, settings);
                    print(map("provider", provider, "settings", settings), () -> out.println("Keys and"
                            + " certificates are kept by " + provider + " from the next start."));
                    return 0;
                }
                Map<String, String> config = s.storeConfiguration();
                print(config, () -> config.forEach((k, v) -> out.println(k + " = " + v)));
                return 0;
            }
            case "export-key" -> {
                s.exportPrivateKey(a.positional(1, "thumbprint"), Path.of(a.positional(2, "file")));
                print(map("file", a.positional(2, "file")), () -> out.println("Wrote " + a.positional(2, "file")
                        + " (owner-only)."));
                return 0;
            }
            case "contributions" -> {
                List<Contribution> all = s.contributions();
                print(all.stream().map(c -> map("kind", c.kind(), "id", c.id(), "label", c.label(), "contributor",
                        c.contributor(), "status", c.status())).toList(), () -> all.forEach(c -> out.printf(
                                "%-14s %-32s %-28s %s%n", c.kind(), c.id(), c.contributor(), c.status())));
                return 0;
            }
            case "audit" -> {
                List<AuditEntry> log = s.auditLog();
                print(log.stream().map(e -> map("when", e.when().toString(), "user", e.user(), "action", e.action(),
                        "detail", e.detail())).toList(), () -> log.forEach(e -> out.println(e.when() + "  " + e.user()
                                + "  " + e.action() + "  " + e.detail())));
                return 0;
            }
            default -> throw new CertdeskException(Reason.INVALID_INPUT, "Unknown command '" + command
                    + "'. Run 'certdesk help'.");
        }
    }

    private int request(CertdeskServiceImpl s, Args a) {
        if (a.all("usage").isEmpty()) {
            throw new CertdeskException(Reason.INVALID_INPUT, "Name the usages with --usage (e.g. --usage Default).");
        }
        List<String> usages = a.all("usage").stream().map(u -> s.usage(u).id()).toList();
        List<SubjectAltName> extra = a.all("san").stream().map(SubjectAltName::parse).toList();
        RequestSpec spec = new RequestSpec(usages, a.get("ca") == null ? DataFolder.LOCAL_CA : a.get("ca"),
                a.get("template"), a.get("name"), KeySpec.parse(a.get("key") == null ? "RSA-2048" : a.get("key")),
                a.flag("exportable"), a.get("org"), a.get("ou"), a.get("country"), a.get("state"), a.get("city"),
                a.get("cn"), extra);
        RequestOutcome outcome = s.request(spec, json ? ProgressSink.NONE : m -> err.println("  " + m));
        return finish(s, outcome, a.flag("assign"));
    }

    /** Prints a request's outcome and, when asked, assigns it to the usages chosen. */
    private int finish(CertdeskServiceImpl s, RequestOutcome o, boolean assign) {
        boolean assigned = false;
        if (assign && o.status() == RequestStatus.ISSUED) {
            if (!o.assignable()) {
                throw new CertdeskException(Reason.UNTRUSTED_CHAIN, "Issued " + o.certificate().displayThumbprint()
                        + " but not assigned: " + String.join(" ", o.trustProblems()));
            }
            for (String usage : o.usageIds()) {
                s.assign(usage, o.certificate().sha1Thumbprint());
            }
            assigned = true;
        }
        boolean done = assigned;
        Map<String, Object> result = map("status", o.status().name(), "usages", o.usageIds(), "caRequestId",
                o.caRequestId(), "pendingId", o.pendingId(), "message", o.message(), "trustProblems", o.trustProblems(),
                "assigned", done);
        if (o.certificate() != null) {
            result.put("certificate", certJson(o.certificate()));
        }
        print(result, () -> {
            switch (o.status()) {
                case ISSUED -> {
                    out.println("Issued: " + o.certificate().friendlyName());
                    out.println("  Thumbprint " + o.certificate().displayThumbprint());
                    o.trustProblems().forEach(p -> out.println("  " + p));
                    out.println(done ? "  Assigned to " + String.join(", ", o.usageIds())
                            : "  Assign with: certdesk assign USAGE " + o.certificate().displayThumbprint());
                }
                case PENDING -> out.println("Pending: the CA holds request " + o.caRequestId()
                        + ". Check again with: certdesk pending retrieve " + o.pendingId());
                default -> out.println("Denied: " + o.message());
            }
        });
        return switch (o.status()) {
            case ISSUED, PENDING -> 0;
            default -> Reason.DENIED.exitCode();
        };
    }

    private int pending(CertdeskServiceImpl s, Args a) {
        String sub = a.positionalCount() > 1 ? a.positional(1, "subcommand") : "list";
        switch (sub) {
            case "list" -> {
                List<PendingRequest> all = s.pendingRequests();
                print(all.stream().map(p -> map("id", p.id(), "ca", p.caId(), "caRequestId", p.caRequestId(), "usages",
                        p.usageIds(), "friendlyName", p.friendlyName(), "submitted", p.submitted().toString(),
                        "lastChecked", p.lastChecked().toString(), "status", p.status().name())).toList(),
                        () -> all.forEach(p -> out.printf("%s  %-8s %-18s %-24s %s  %s%n", p.id(), p.caId(),
                                p.caRequestId(), p.friendlyName(), p.status(), p.usageIds())));
                return 0;
            }
            case "retrieve" -> {
                return finish(s, s.processPending(a.positional(2, "pending request id"),
                        json ? ProgressSink.NONE : m -> err.println("  " + m)), a.flag("assign"));
            }
            case "clear" -> {
                s.clearPending(a.positional(2, "pending request id"));
                print(map("cleared", a.positional(2, "id")), () -> out.println("Cleared."));
                return 0;
            }
            default -> throw new CertdeskException(Reason.INVALID_INPUT, "pending: use list, retrieve or clear.");
        }
    }

    private int localCa(CertdeskServiceImpl s, Args a) {
        String sub = a.positional(1, "subcommand (list, approve, deny)");
        String ca = a.get("ca") == null ? DataFolder.LOCAL_CA : a.get("ca");
        switch (sub) {
            case "list" -> {
                List<CaAdministration.WaitingRequest> waiting = s.administration(
                        a.positionalCount() > 2 ? a.positional(2, "CA") : ca).waitingRequests();
                print(waiting.stream().map(w -> map("requestId", w.requestId(), "subject", w.subject(), "received",
                        w.received().toString())).toList(), () -> waiting.forEach(w -> out.println(w.requestId() + "  "
                                + w.received() + "  " + w.subject())));
                return 0;
            }
            case "approve" -> {
                s.approve(ca, a.positional(2, "request id"));
                print(map("approved", a.positional(2, "id")), () -> out.println("Approved; the requester can now"
                        + " process the pending request."));
                return 0;
            }
            case "deny" -> {
                s.deny(ca, a.positional(2, "request id"), a.get("reason"));
                print(map("denied", a.positional(2, "id")), () -> out.println("Denied."));
                return 0;
            }
            default -> throw new CertdeskException(Reason.INVALID_INPUT, "local-ca: use list, approve or deny.");
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static StoreName storeName(String s) {
        return switch (s) {
            case "personal", "my" -> StoreName.PERSONAL;
            case "intermediate", "ca" -> StoreName.INTERMEDIATE;
            case "root", "trusted-root" -> StoreName.TRUSTED_ROOT;
            case "request" -> StoreName.REQUEST;
            default -> throw new CertdeskException(Reason.INVALID_INPUT, "Unknown store '" + s
                    + "': use personal, intermediate, root, request or all.");
        };
    }

    private static String status(UsageState u) {
        if (u.assigned() == null) {
            return u.problems().isEmpty() ? "nothing assigned" : "MISSING: " + u.problems().get(0);
        }
        if (!u.problems().isEmpty()) {
            return "FAILED: " + u.problems().get(0);
        }
        long days = ChronoUnit.DAYS.between(Instant.now(), u.assigned().notAfter());
        return "OK (expires in " + days + " days)";
    }

    private static Map<String, Object> usageJson(UsageState u) {
        return map("usage", u.usage().id(), "label", u.usage().labelEn(), "profile", u.usage().profileId(),
                "assigned", u.assigned() == null ? null : certJson(u.assigned()), "problems", u.problems(),
                "ok", u.assigned() != null && u.problems().isEmpty());
    }

    static Map<String, Object> certJson(CertificateInfo c) {
        return map("thumbprint", c.displayThumbprint(), "sha256", c.sha256Fingerprint(), "friendlyName",
                c.friendlyName(), "subject", c.subject(), "issuer", c.issuer(), "serial", c.serialHex(), "notBefore",
                c.notBefore().toString(), "notAfter", c.notAfter().toString(), "keyAlgorithm", c.keyAlgorithm(),
                "keySize", c.keySize(), "sans", c.subjectAltNames().stream().map(SubjectAltName::toString).toList(),
                "ekus", c.extendedKeyUsages().stream().sorted().map(ExtendedKeyUsages::name).toList(),
                "keyUsages", c.keyUsages().stream().map(Enum::name).sorted().toList(), "hasPrivateKey",
                c.hasPrivateKey(), "exportable", c.exportable(), "ca", c.ca());
    }

    private void certText(CertificateInfo c) {
        out.println("Friendly name  " + c.friendlyName());
        out.println("Subject        " + c.subject());
        out.println("Issuer         " + c.issuer());
        out.println("Serial         " + c.serialHex());
        out.println("Valid          " + c.notBefore() + " to " + c.notAfter());
        out.println("Key            " + c.keyAlgorithm() + " " + c.keySize() + (c.hasPrivateKey() ? " (private key"
                + (c.exportable() ? ", exportable)" : ", not exportable)") : " (no private key)"));
        out.println("SANs           " + c.subjectAltNames());
        out.println("EKU            " + c.extendedKeyUsages().stream().map(ExtendedKeyUsages::name).sorted().toList());
        out.println("Key usage      " + c.keyUsages());
        out.println("Thumbprint     " + c.displayThumbprint());
        out.println("SHA-256        " + c.sha256Fingerprint());
    }

    private void print(Object jsonValue, Runnable text) {
        if (json) {
            out.println(Json.write(jsonValue));
        } else {
            text.run();
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(String.valueOf(kv[i]), kv[i + 1]);
        }
        return m;
    }
}
