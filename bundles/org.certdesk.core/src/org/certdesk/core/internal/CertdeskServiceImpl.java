package org.certdesk.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.certdesk.api.AuditEntry;
import org.certdesk.api.CaEntry;
import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.CertdeskService;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.Contribution;
import org.certdesk.api.PendingRequest;
import org.certdesk.api.ProgressSink;
import org.certdesk.api.RequestOutcome;
import org.certdesk.api.RequestSpec;
import org.certdesk.api.RequestStatus;
import org.certdesk.api.Requirements;
import org.certdesk.api.SanRules;
import org.certdesk.api.ServerConfiguration;
import org.certdesk.api.StoreName;
import org.certdesk.api.SubjectAltName;
import org.certdesk.api.Usage;
import org.certdesk.api.UsageProfile;
import org.certdesk.api.UsageState;
import org.certdesk.crypto.internal.CertificateIssuer;
import org.certdesk.crypto.internal.Certificates;
import org.certdesk.crypto.internal.ChainBuilder;
import org.certdesk.crypto.internal.Csrs;
import org.certdesk.crypto.internal.Hex;
import org.certdesk.crypto.internal.KeyPairs;
import org.certdesk.spi.CaAdministration;
import org.certdesk.spi.CaConnector;
import org.certdesk.spi.CaConnectorFactory;
import org.certdesk.spi.CaRequest;
import org.certdesk.spi.CaResponse;
import org.certdesk.spi.CertificateStore;
import org.certdesk.spi.ConnectorContext;
import org.certdesk.spi.FileLocks;
import org.certdesk.spi.GeneratedKey;
import org.certdesk.spi.SecureFiles;
import org.certdesk.spi.StoreEntry;
import org.certdesk.spi.StoreProvider;

/**
 * The headless services behind the console and the command line. Every change is checked first (nothing is
 * written when a check fails), made under the data folder's lock, and recorded in the audit log.
 */
public class CertdeskServiceImpl implements CertdeskService {
    private final DataFolder data;
    private final Contributions contributions;
    private final Authorizer authorizer;
    private final CertificateStore store;
    private final char[] secret;
    private final Clock clock;

    public CertdeskServiceImpl(DataFolder data, Contributions contributions, Authorizer authorizer, char[] storePassword,
            Clock clock) {
        this.data = data;
        this.contributions = contributions;
        this.authorizer = authorizer;
        this.clock = clock;
        this.secret = storePassword.clone();
        data.initialize();
        String providerId = data.settings().getProperty("store.provider", "org.certdesk.store.file");
        var element = contributions.storeProvider(providerId);
        if (element == null) {
            throw new CertdeskException(Reason.INVALID_INPUT, "No installed plugin provides the store '" + providerId
                    + "' named in " + data.root().resolve("certdesk.properties") + ".");
        }
        this.store = Contributions.create(element, StoreProvider.class).open(data.stores(), secret,
                storeSettings(data.settings()));
    }

    /** The {@code store.*} settings without their prefix, for the store provider ({@code pkcs11.library=...}). */
    private static Map<String, String> storeSettings(Properties settings) {
        Map<String, String> result = new java.util.TreeMap<>();
        for (String key : settings.stringPropertyNames()) {
            if (key.startsWith("store.") && !key.equals("store.provider")) {
                result.put(key.substring("store.".length()), settings.getProperty(key));
            }
        }
        return result;
    }

    /** Opens the data folder as this process's user, reading the admin group from the folder's settings. */
    public static CertdeskServiceImpl open(DataFolder data, Contributions contributions) {
        data.initialize();
        Authorizer authorizer = new Authorizer(Authorizer.current(), data.settings().getProperty("admin.group"));
        return new CertdeskServiceImpl(data, contributions, authorizer, data.storePassword(), Clock.systemUTC());
    }

    public void close() {
        store.close();
        Arrays.fill(secret, '\0');
    }

    public DataFolder dataFolder() {
        return data;
    }

    // ---- who ----

    @Override
    public String currentUser() {
        return authorizer.user();
    }

    @Override
    public boolean isAdministrator() {
        return authorizer.isAdministrator();
    }

    @Override
    public Optional<String> readOnlyReason() {
        return authorizer.readOnlyReason();
    }

    // ---- usages ----

    @Override
    public List<UsageProfile> profiles() {
        return contributions.profiles();
    }

    @Override
    public Usage usage(String usageId) {
        for (UsageProfile p : profiles()) {
            for (Usage u : p.usages()) {
                if (u.id().equalsIgnoreCase(usageId)) {
                    return u;
                }
            }
        }
        throw new CertdeskException(Reason.UNKNOWN_USAGE, "There is no usage '" + usageId + "'. Usages: "
                + profiles().stream().flatMap(p -> p.usages().stream()).map(Usage::id).toList());
    }

    @Override
    public List<UsageState> usageStates() {
        Properties assignments = PropertiesFiles.read(data.assignments());
        List<UsageState> states = new ArrayList<>();
        for (UsageProfile p : profiles()) {
            for (Usage u : p.usages()) {
                String thumb = assignments.getProperty(u.id());
                if (thumb == null) {
                    states.add(new UsageState(u, null, List.of()));
                    continue;
                }
                Optional<CertificateInfo> cert = findIn(StoreName.PERSONAL, thumb);
                if (cert.isEmpty()) {
                    states.add(new UsageState(u, null, List.of("The assigned certificate " + thumb.toUpperCase(Locale.ROOT)
                            + " is no longer in the Personal store.")));
                } else {
                    List<String> problems = new ArrayList<>(Requirements.problems(u, cert.get(), clock.instant()));
                    problems.addAll(chain(cert.get()).problems());
                    states.add(new UsageState(u, cert.get(), problems));
                }
            }
        }
        return states;
    }

    @Override
    public ServerConfiguration serverConfiguration() {
        return data.serverConfiguration();
    }

    @Override
    public List<Contribution> contributions() {
        return contributions.list();
    }

    @Override
    public List<CaEntry> caEntries() {
        return data.caEntries();
    }

    // ---- stores ----

    @Override
    public List<CertificateInfo> list(StoreName storeName) {
        // digests and extension parsing per certificate: worth both cores for large stores
        return store.descriptions(storeName)
                .orElseGet(() -> store.entries(storeName).parallelStream().map(CertdeskServiceImpl::describe).toList());
    }

    private static CertificateInfo describe(StoreEntry e) {
        return Certificates.describe(e.certificate(), e.friendlyName(), e.hasPrivateKey(), e.exportable());
    }

    @Override
    public CertificateInfo find(String thumbprint) {
        String wanted = Hex.normalizeThumbprint(thumbprint);
        for (StoreName s : StoreName.values()) {
            Optional<CertificateInfo> found = findIn(s, wanted);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new CertdeskException(Reason.UNKNOWN_CERTIFICATE, "No certificate with thumbprint '" + thumbprint
                + "' is in any store.");
    }

    private Optional<CertificateInfo> findIn(StoreName s, String thumbprint) {
        String wanted = Hex.normalizeThumbprint(thumbprint);
        return store.entries(s).stream().filter(e -> Certificates.sha1(e.certificate()).equals(wanted))
                .map(CertdeskServiceImpl::describe).findFirst();
    }

    @Override
    public List<String> trustProblems(String thumbprint) {
        return chain(find(thumbprint)).problems();
    }

    /** The path to a trusted root, using the Intermediate CAs store and the issuers kept with the certificate. */
    private ChainBuilder.Result chain(CertificateInfo cert) {
        X509Certificate leaf = Certificates.parse(cert.encoded());
        List<X509Certificate> candidates = new ArrayList<>(certificates(StoreName.INTERMEDIATE));
        store.entries(StoreName.PERSONAL).stream().filter(e -> e.certificate().equals(leaf))
                .forEach(e -> candidates.addAll(e.chain().subList(1, e.chain().size())));
        return ChainBuilder.build(leaf, candidates, certificates(StoreName.TRUSTED_ROOT), clock.instant());
    }

    private List<X509Certificate> certificates(StoreName s) {
        return store.entries(s).stream().map(StoreEntry::certificate).toList();
    }

    // ---- requests ----

    @Override
    public List<SubjectAltName> proposedSans(List<String> usageIds) {
        return SanRules.sansFor(usages(usageIds), serverConfiguration());
    }

    @Override
    public String proposedSubject(List<String> usageIds) {
        return SanRules.subjectFor(usages(usageIds), serverConfiguration());
    }

    private List<Usage> usages(List<String> ids) {
        return ids.stream().map(this::usage).toList();
    }

    @Override
    public String uniqueFriendlyName(String base) {
        Set<String> taken = new java.util.HashSet<>();
        for (StoreName s : List.of(StoreName.PERSONAL, StoreName.REQUEST)) {
            store.entries(s).forEach(e -> taken.add(e.friendlyName().toLowerCase(Locale.ROOT)));
        }
        String stem = base == null || base.isBlank() ? "Certificate " + java.time.LocalDate.now(clock) : base.trim();
        String candidate = stem;
        for (int i = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = stem + " (" + i + ")";
        }
        return candidate;
    }

    @Override
    public RequestOutcome request(RequestSpec spec, ProgressSink progress) {
        authorizer.check("request a certificate");
        List<String> log = new ArrayList<>();
        ProgressSink sink = recording(progress, log);
        // every check before anything is generated or written
        if (spec.usageIds().isEmpty()) {
            throw new CertdeskException(Reason.INVALID_INPUT, "Choose at least one usage for the certificate.");
        }
        List<Usage> usages = usages(spec.usageIds());
        CaEntry ca = caEntry(spec.caId());
        if (spec.keySpec() == null) {
            throw new CertdeskException(Reason.INVALID_INPUT, "Choose a key type.");
        }
        for (Usage u : usages) {
            int strength = Requirements.rsaEquivalentBits(spec.keySpec().algorithm(), spec.keySpec().size());
            if (strength < u.minKeySize()) {
                throw new CertdeskException(Reason.INVALID_INPUT, "A " + spec.keySpec().label() + " key is weaker than"
                        + " the " + u.minKeySize() + "-bit minimum of usage " + u.id() + ".");
            }
        }
        String friendlyName = spec.friendlyName() == null || spec.friendlyName().isBlank()
                ? uniqueFriendlyName(usages.get(0).labelEn() + " " + java.time.LocalDate.now(clock))
                : spec.friendlyName().trim();
        if (!uniqueFriendlyName(friendlyName).equals(friendlyName)) {
            throw new CertdeskException(Reason.INVALID_INPUT, "A certificate or request named '" + friendlyName
                    + "' exists already: choose another friendly name.");
        }
        List<SubjectAltName> sans = new ArrayList<>(new LinkedHashSet<>(concat(proposedSans(spec.usageIds()),
                spec.extraSans())));
        String cn = spec.subjectCommonName() != null && !spec.subjectCommonName().isBlank() ? spec.subjectCommonName()
                : proposedSubject(spec.usageIds());
        if ((cn == null || cn.isBlank()) && sans.isEmpty()) {
            throw new CertdeskException(Reason.INVALID_INPUT, "The request has no subject name and no alternative names:"
                    + " fill in the server configuration (" + data.serverConfigurationFile() + ") or add names.");
        }
        for (SubjectAltName san : sans) {
            if (!san.isWellFormed()) {
                throw new CertdeskException(Reason.INVALID_INPUT, "'" + san.value() + "' is not a valid " + san.type()
                        + " name.");
            }
        }
        Csrs.Subject subject = new Csrs.Subject(cn, spec.organization(), spec.organizationalUnit(), spec.country(),
                spec.state(), spec.city());
        CaConnector connector = connector(ca);

        sink.step("Generating the key (" + spec.keySpec().label() + ")");
        // a store on a token generates the key there: it then signs through the token and never leaves it
        Optional<GeneratedKey> onStore = store.generateKey(spec.keySpec());
        KeyPair keys = onStore.map(GeneratedKey::keyPair).orElseGet(() -> KeyPairs.generate(spec.keySpec()));
        java.security.Provider signer = onStore.map(GeneratedKey::provider).orElse(null);
        boolean exportable = spec.exportable() && onStore.map(GeneratedKey::exportable).orElse(true);
        if (onStore.isEmpty()) {
            stopIfCanceled(sink, () -> { });
        } else if (spec.exportable()) {
            sink.step("The key is generated on the store's token and cannot be exported");
        }
        byte[] csr = Csrs.create(keys, signer, subject, sans);
        X509Certificate placeholder = CertificateIssuer.placeholder(keys, signer, friendlyName);
        String keyThumb = Certificates.sha1(placeholder);
        sink.step("Keeping the new key in the Request store");
        store.update(ed -> ed.put(StoreName.REQUEST, new StoreEntry(friendlyName, List.of(placeholder),
                keys.getPrivate(), exportable)));
        Set<String> ekus = new java.util.TreeSet<>();
        usages.forEach(u -> ekus.addAll(u.requiredEkus()));
        stopIfCanceled(sink, () -> discardKey(keyThumb));
        sink.step("Sending the request to " + ca.label());
        CaResponse response;
        try {
            response = connector.submit(new CaRequest(csr, spec.template(), List.copyOf(ekus), Map.of()), sink);
        } catch (RuntimeException e) {
            discardKey(keyThumb);
            audit("request-failed", friendlyName + " via " + ca.id() + ": " + e.getMessage());
            throw e instanceof CertdeskException ce ? ce
                    : new CertdeskException(Reason.CA_ERROR, ca.label() + " failed: " + e.getMessage(), e);
        }
        audit("request", friendlyName + " (" + spec.keySpec().label() + ", usages " + spec.usageIds() + ") to "
                + ca.id() + ": " + response.status() + (response.requestId() == null ? "" : " id " + response.requestId()));
        PendingRequest record = new PendingRequest(newId(), ca.id(), response.requestId(), spec.usageIds(), friendlyName,
                clock.instant(), clock.instant(), RequestStatus.PENDING, response.message());
        return handle(response, record, keyThumb, sink, log);
    }

    /** Passes steps on and keeps them for the status page's log. */
    private static ProgressSink recording(ProgressSink progress, List<String> log) {
        return new ProgressSink() {
            @Override
            public void step(String message) {
                log.add(message);
                progress.step(message);
            }

            @Override
            public boolean isCanceled() {
                return progress.isCanceled();
            }
        };
    }

    private static void stopIfCanceled(ProgressSink sink, Runnable undo) {
        if (sink.isCanceled()) {
            undo.run();
            throw new CertdeskException(Reason.CANCELED, "Canceled: nothing was sent to the CA and the new key was"
                    + " discarded.");
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Turns a CA answer into stores, pending records and what the status page shows. */
    private RequestOutcome handle(CaResponse response, PendingRequest record, String keyThumb, ProgressSink sink,
            List<String> log) {
        switch (response.status()) {
            case ISSUED -> {
                sink.step("The CA issued the certificate");
                CertificateInfo issued = install(response, keyThumb, record.friendlyName());
                deletePending(record.id());
                List<String> trust = chain(issued).problems();
                trust.forEach(sink::step);
                audit("issued", record.friendlyName() + " " + issued.displayThumbprint());
                return new RequestOutcome(RequestStatus.ISSUED, issued, null, response.requestId(), response.message(),
                        trust, record.usageIds(), log);
            }
            case PENDING -> {
                Properties p = toProperties(record.checked(clock.instant(), RequestStatus.PENDING, response.message()));
                p.setProperty("keyThumbprint", keyThumb);
                FileLocks.withLock(data.lockFile(), () -> {
                    PropertiesFiles.write(pendingFile(record.id()), p);
                    return null;
                });
                sink.step("The CA holds the request as pending (request id " + response.requestId() + ")");
                return new RequestOutcome(RequestStatus.PENDING, null, record.id(), response.requestId(),
                        response.message(), List.of(), record.usageIds(), log);
            }
            default -> {
                sink.step("The CA denied the request: " + response.message());
                discardKey(keyThumb);
                deletePending(record.id());
                audit("denied", record.friendlyName() + ": " + response.message());
                return new RequestOutcome(RequestStatus.DENIED, null, null, response.requestId(), response.message(),
                        List.of(), record.usageIds(), log);
            }
        }
    }

    /** Joins the issued certificate with its key: Personal gains it, the Request store loses it, in one write. */
    private CertificateInfo install(CaResponse response, String keyThumb, String friendlyName) {
        if (response.chain().isEmpty()) {
            throw new CertdeskException(Reason.CA_ERROR, "The CA said the certificate was issued but sent none.");
        }
        List<X509Certificate> chain = response.chain().stream().map(Certificates::parse).toList();
        X509Certificate leaf = chain.get(0);
        StoreEntry requestEntry = store.entries(StoreName.REQUEST).stream()
                .filter(e -> Certificates.sha1(e.certificate()).equals(keyThumb)).findFirst()
                .orElseThrow(() -> new CertdeskException(Reason.UNKNOWN_CERTIFICATE,
                        "The key of this request is no longer in the Request store."));
        if (!Arrays.equals(leaf.getPublicKey().getEncoded(), requestEntry.certificate().getPublicKey().getEncoded())) {
            throw new CertdeskException(Reason.CA_ERROR, "The CA returned a certificate for another key.");
        }
        List<X509Certificate> issuers = chain.subList(1, chain.size());
        java.security.PrivateKey key = store.privateKey(StoreName.REQUEST, keyThumb);
        store.update(ed -> {
            // the chain as the CA sent it; its root only helps to name what must be trusted
            ed.put(StoreName.PERSONAL, new StoreEntry(friendlyName, chain, key, requestEntry.exportable()));
            // intermediates help build chains; a root is trusted only when the admin says so
            for (X509Certificate c : issuers) {
                if (c.getBasicConstraints() >= 0 && !Certificates.isSelfSigned(c)) {
                    ed.put(StoreName.INTERMEDIATE, new StoreEntry(Certificates.subjectName(c), List.of(c), null, false));
                }
            }
            ed.remove(StoreName.REQUEST, keyThumb);
        });
        return find(Certificates.sha1(leaf));
    }

    private void discardKey(String keyThumb) {
        store.update(ed -> ed.remove(StoreName.REQUEST, keyThumb));
    }

    private CaEntry caEntry(String caId) {
        String id = caId == null || caId.isBlank() ? DataFolder.LOCAL_CA : caId;
        return caEntries().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new CertdeskException(Reason.INVALID_INPUT, "There is no CA entry '" + id
                        + "'. CA entries: " + caEntries().stream().map(CaEntry::id).toList()));
    }

    private CaConnector connector(CaEntry entry) {
        Contributions.CaType type = contributions.caTypes().get(entry.typeId());
        if (type == null) {
            throw new CertdeskException(Reason.CA_ERROR, "CA entry '" + entry.id() + "' is of type '" + entry.typeId()
                    + "', which no installed plugin provides.");
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>(type.defaults());
        settings.putAll(entry.settings());
        CaEntry effective = new CaEntry(entry.id(), entry.typeId(), entry.label(), settings);
        return Contributions.create(type.element(), CaConnectorFactory.class).create(effective,
                new ConnectorContext(SecureFiles.ensureDirectory(data.caFolder(entry.id())), secret));
    }

    /** The administration side of a CA entry, for CAs Certdesk runs itself. */
    public CaAdministration administration(String caId) {
        if (connector(caEntry(caId)) instanceof CaAdministration admin) {
            return admin;
        }
        throw new CertdeskException(Reason.INVALID_INPUT, "CA entry '" + caId + "' is not administered by Certdesk.");
    }

    /** Approves or denies on the embedded CA: administrators only. */
    public void approve(String caId, String requestId) {
        authorizer.check("approve requests");
        administration(caId).approve(requestId);
        audit("ca-approve", caId + " " + requestId);
    }

    public void deny(String caId, String requestId, String reason) {
        authorizer.check("deny requests");
        administration(caId).deny(requestId, reason);
        audit("ca-deny", caId + " " + requestId + ": " + reason);
    }

    public void setCaSetting(String caId, String key, String value) {
        authorizer.check("change CA settings");
        data.setCaSetting(caId, key, value);
        audit("ca-set", caId + " " + key + "=" + value);
    }

    public void setServerSetting(String key, String value) {
        authorizer.check("change the server configuration");
        data.setServerSetting(key, value);
        audit("server-set", key + "=" + value);
    }

    /**
     * Chooses where keys and certificates are kept ({@code org.certdesk.store.pkcs11} with {@code pkcs11.library},
     * {@code pkcs11.slot} or {@code pkcs11.slotListIndex}...); takes effect at the next start. The provider opens
     * here first, so that a wrong library, slot or PIN is refused before anything is written.
     */
    public void useStore(String providerId, Map<String, String> settings) {
        authorizer.check("change the certificate store");
        DataFolder.checkStoreSettings(settings);
        var element = contributions.storeProvider(providerId);
        if (element == null) {
            throw new CertdeskException(Reason.INVALID_INPUT, "No installed plugin provides the store '" + providerId
                    + "'.");
        }
        if (!providerId.equals(data.settings().getProperty("store.provider", "org.certdesk.store.file"))
                || !settings.equals(storeSettings(data.settings()))) {
            Contributions.create(element, StoreProvider.class).open(data.stores(), secret, settings).close();
        }
        data.setStoreProvider(providerId, settings);
        audit("store-use", providerId + " " + settings);
    }

    /** The store provider in use and its settings, as {@code certdesk.properties} holds them. */
    public Map<String, String> storeConfiguration() {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        result.put("provider", data.settings().getProperty("store.provider", "org.certdesk.store.file"));
        result.putAll(storeSettings(data.settings()));
        return result;
    }

    /** Changes who administers Certdesk; takes effect at the next start of the console or command line. */
    public void setAdminGroup(String group) {
        authorizer.check("change the administrators' group");
        data.setAdminGroup(group);
        audit("admin-group", group);
    }

    @Override
    public List<String> templates(String caId) {
        return connector(caEntry(caId)).templates();
    }

    @Override
    public Optional<CertificateInfo> caRoot(String caId) {
        if (connector(caEntry(caId)) instanceof CaAdministration admin) {
            return Optional.of(Certificates.describe(Certificates.parse(admin.rootCertificate()), null, false, false));
        }
        return Optional.empty();
    }

    // ---- pending ----

    @Override
    public List<PendingRequest> pendingRequests() {
        Path folder = data.pendingFolder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted()
                    .map(f -> fromProperties(PropertiesFiles.read(f))).toList();
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot list pending requests: " + e.getMessage(), e);
        }
    }

    @Override
    public RequestOutcome processPending(String pendingId, ProgressSink progress) {
        authorizer.check("process a pending request");
        Properties p = pendingProperties(pendingId);
        PendingRequest record = fromProperties(p);
        List<String> log = new ArrayList<>();
        ProgressSink sink = recording(progress, log);
        sink.step("Asking " + record.caId() + " about request " + record.caRequestId());
        CaResponse response = connector(caEntry(record.caId())).retrieve(record.caRequestId(), sink);
        audit("process-pending", record.friendlyName() + " (" + record.caRequestId() + "): " + response.status());
        return handle(response, record, p.getProperty("keyThumbprint"), sink, log);
    }

    @Override
    public void clearPending(String pendingId) {
        authorizer.check("clear a pending request");
        Properties p = pendingProperties(pendingId);
        discardKey(p.getProperty("keyThumbprint"));
        deletePending(pendingId);
        audit("clear-pending", p.getProperty("friendlyName") + " (" + p.getProperty("caRequestId") + ")");
    }

    private Properties pendingProperties(String pendingId) {
        if (pendingId == null || !pendingId.matches("[0-9a-f]{16}") || !Files.exists(pendingFile(pendingId))) {
            throw new CertdeskException(Reason.INVALID_INPUT, "There is no pending request '" + pendingId + "'.");
        }
        return PropertiesFiles.read(pendingFile(pendingId));
    }

    private Path pendingFile(String id) {
        return data.pendingFolder().resolve(id + ".properties");
    }

    private void deletePending(String id) {
        FileLocks.withLock(data.lockFile(), () -> {
            try {
                return Files.deleteIfExists(pendingFile(id));
            } catch (IOException e) {
                throw new CertdeskException(Reason.IO_ERROR, "Cannot remove pending request " + id + ": "
                        + e.getMessage(), e);
            }
        });
    }

    private static Properties toProperties(PendingRequest r) {
        Properties p = new Properties();
        p.setProperty("id", r.id());
        p.setProperty("caId", r.caId());
        p.setProperty("caRequestId", r.caRequestId() == null ? "" : r.caRequestId());
        p.setProperty("usages", String.join(",", r.usageIds()));
        p.setProperty("friendlyName", r.friendlyName());
        p.setProperty("submitted", r.submitted().toString());
        p.setProperty("lastChecked", r.lastChecked().toString());
        p.setProperty("status", r.status().name());
        p.setProperty("message", r.message() == null ? "" : r.message());
        return p;
    }

    private static PendingRequest fromProperties(Properties p) {
        return new PendingRequest(p.getProperty("id"), p.getProperty("caId"), p.getProperty("caRequestId"),
                List.of(p.getProperty("usages", "").split(",")), p.getProperty("friendlyName"),
                Instant.parse(p.getProperty("submitted")), Instant.parse(p.getProperty("lastChecked")),
                RequestStatus.valueOf(p.getProperty("status")), p.getProperty("message"));
    }

    private static String newId() {
        byte[] b = new byte[8];
        new java.security.SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // ---- assignments ----

    @Override
    public List<String> assignmentProblems(String usageId, String thumbprint) {
        CertificateInfo cert = find(thumbprint);
        return assignmentProblems(usage(usageId), cert, chain(cert).problems());
    }

    private List<String> assignmentProblems(Usage usage, CertificateInfo cert, List<String> trustProblems) {
        List<String> problems = new ArrayList<>();
        if (findIn(StoreName.PERSONAL, cert.sha1Thumbprint()).isEmpty()) {
            problems.add("The certificate is not in the Personal store" + (cert.hasPrivateKey() ? "." : " and has no"
                    + " private key on this server."));
        }
        problems.addAll(Requirements.problems(usage, cert, clock.instant()));
        problems.addAll(trustProblems);
        return problems.stream().distinct().toList();
    }

    @Override
    public void assign(String usageId, String thumbprint) {
        authorizer.check("assign certificates");
        Usage usage = usage(usageId);
        CertificateInfo cert = find(thumbprint);
        List<String> trust = chain(cert).problems();
        List<String> problems = assignmentProblems(usage, cert, trust);
        if (!problems.isEmpty()) {
            Reason reason = !cert.hasPrivateKey() ? Reason.NO_PRIVATE_KEY
                    : trust.isEmpty() ? Reason.REQUIREMENT_FAILED : Reason.UNTRUSTED_CHAIN;
            throw new CertdeskException(reason, "Cannot assign '" + cert.friendlyName() + "' to " + usage.id() + ": "
                    + String.join(" ", problems));
        }
        String previous = data.update(data.assignments(),
                a -> (String) a.setProperty(usage.id(), cert.sha1Thumbprint()));
        audit("assign", usage.id() + " = " + cert.displayThumbprint() + " (" + cert.friendlyName() + ")"
                + (previous == null ? "" : ", was " + previous.toUpperCase(Locale.ROOT)));
    }

    @Override
    public void remove(String usageId) {
        authorizer.check("remove assignments");
        Usage usage = usage(usageId);
        String previous = data.update(data.assignments(), a -> {
            String was = (String) a.remove(usage.id());
            if (was == null) {
                throw new CertdeskException(Reason.INVALID_INPUT, "No certificate is assigned to " + usage.id() + ".");
            }
            return was;
        });
        audit("remove", usage.id() + " (was " + previous.toUpperCase(Locale.ROOT) + ")");
    }

    // ---- trust, import, export ----

    @Override
    public void trustRoot(byte[] derCertificate) {
        authorizer.check("trust a root certificate");
        X509Certificate cert = Certificates.parse(derCertificate);
        if (!Certificates.isSelfSigned(cert) || cert.getBasicConstraints() < 0) {
            throw new CertdeskException(Reason.INVALID_INPUT, "Only self-signed CA certificates can be trusted as roots;"
                    + " import intermediates into the Intermediate CAs store instead.");
        }
        String name = Certificates.subjectName(cert);
        store.update(ed -> ed.put(StoreName.TRUSTED_ROOT, new StoreEntry(name, List.of(cert), null, false)));
        audit("trust-root", name + " SHA-256 " + Hex.digest("SHA-256", Certificates.encoded(cert)));
    }

    @Override
    public List<CertificateInfo> inspect(Path file) {
        return readCertificates(file).stream().map(c -> Certificates.describe(c, null, false, false)).toList();
    }

    private static List<X509Certificate> readCertificates(Path file) {
        try {
            return Certificates.parseAll(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CertdeskException(Reason.INVALID_INPUT, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<CertificateInfo> importCertificates(Path file, boolean trustRoots) {
        authorizer.check("import certificates");
        List<X509Certificate> certs = readCertificates(file);
        for (X509Certificate c : certs) {
            if (Certificates.isSelfSigned(c) && !trustRoots) {
                throw new CertdeskException(Reason.UNTRUSTED_CHAIN, "The file holds the root '"
                        + Certificates.subjectName(c) + "' (SHA-256 " + Hex.digest("SHA-256", Certificates.encoded(c))
                        + "): confirm that it should be trusted. Nothing was imported.");
            }
        }
        // an offline CA's answer is joined with the key that waited for it in the Request store
        Map<String, StoreEntry> waitingKeys = new java.util.HashMap<>();
        Map<String, java.security.PrivateKey> keys = new java.util.HashMap<>();
        for (X509Certificate c : certs) {
            for (StoreEntry r : store.entries(StoreName.REQUEST)) {
                if (Arrays.equals(r.certificate().getPublicKey().getEncoded(), c.getPublicKey().getEncoded())) {
                    String sha1 = Certificates.sha1(r.certificate());
                    waitingKeys.put(Certificates.sha1(c), r);
                    keys.put(Certificates.sha1(c), store.privateKey(StoreName.REQUEST, sha1));
                }
            }
        }
        List<String> imported = new ArrayList<>();
        store.update(ed -> {
            for (X509Certificate c : certs) {
                String name = Certificates.subjectName(c);
                String sha1 = Certificates.sha1(c);
                if (Certificates.isSelfSigned(c)) {
                    ed.put(StoreName.TRUSTED_ROOT, new StoreEntry(name, List.of(c), null, false));
                } else if (c.getBasicConstraints() >= 0) {
                    ed.put(StoreName.INTERMEDIATE, new StoreEntry(name, List.of(c), null, false));
                } else if (waitingKeys.containsKey(sha1)) {
                    StoreEntry request = waitingKeys.get(sha1);
                    ed.put(StoreName.PERSONAL, new StoreEntry(request.friendlyName(), List.of(c), keys.get(sha1),
                            request.exportable()));
                    ed.remove(StoreName.REQUEST, Certificates.sha1(request.certificate()));
                } else {
                    ed.put(StoreName.PERSONAL, new StoreEntry(name, List.of(c), null, false));
                }
                imported.add(sha1);
            }
        });
        audit("import", file.getFileName() + ": " + imported.size() + " certificate(s)");
        return imported.stream().map(this::find).toList();
    }

    @Override
    public void exportPem(String thumbprint, Path file) {
        List<X509Certificate> path = chain(find(thumbprint)).path();
        try {
            Files.writeString(file, Certificates.toPem(path), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the private key of a Personal certificate as PKCS#8 PEM, owner-only; refused for keys not marked
     * exportable and for keys that cannot leave their store (a PKCS#11 token), and nothing is written then.
     */
    public void exportPrivateKey(String thumbprint, Path file) {
        authorizer.check("export a private key");
        CertificateInfo cert = find(thumbprint);
        if (!cert.hasPrivateKey() || findIn(StoreName.PERSONAL, cert.sha1Thumbprint()).isEmpty()) {
            throw new CertdeskException(Reason.NO_PRIVATE_KEY, "'" + cert.friendlyName() + "' has no private key in"
                    + " the Personal store.");
        }
        byte[] pkcs8 = store.exportPrivateKey(StoreName.PERSONAL, cert.sha1Thumbprint());
        try {
            String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] { '\n' })
                    .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
            SecureFiles.writeAtomically(file, pem.getBytes(StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        audit("export-key", cert.friendlyName() + " " + cert.displayThumbprint() + " to " + file);
    }

    // ---- audit ----

    private void audit(String action, String detail) {
        String line = clock.instant() + "\t" + authorizer.user() + "\t" + action + "\t"
                + detail.replace('\n', ' ').replace('\t', ' ');
        SecureFiles.appendLine(data.auditLog(), line);
    }

    @Override
    public List<AuditEntry> auditLog() {
        if (!Files.exists(data.auditLog())) {
            return List.of();
        }
        try {
            List<AuditEntry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(data.auditLog(), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 4);
                if (f.length == 4) {
                    entries.add(new AuditEntry(Instant.parse(f[0]), f[1], f[2], f[3]));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot read the audit log: " + e.getMessage(), e);
        }
    }

    @Override
    public void refresh() {
        store.reload();
    }
}
