package org.certdesk.ca.local.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import javax.crypto.spec.PBEParameterSpec;

import org.certdesk.api.CaEntry;
import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.ExtendedKeyUsages;
import org.certdesk.api.KeySpec;
import org.certdesk.api.ProgressSink;
import org.certdesk.crypto.internal.CertificateIssuer;
import org.certdesk.crypto.internal.CertificateTemplate;
import org.certdesk.crypto.internal.Certificates;
import org.certdesk.crypto.internal.Csrs;
import org.certdesk.crypto.internal.KeyPairs;
import org.certdesk.spi.CaAdministration;
import org.certdesk.spi.CaConnector;
import org.certdesk.spi.CaRequest;
import org.certdesk.spi.CaResponse;
import org.certdesk.spi.FileLocks;
import org.certdesk.spi.SecureFiles;

/**
 * The embedded CA: a root and an issuing CA created on first use in the connector's folder ({@code ca.p12},
 * encrypted with the store secret), and one folder per request ({@code requests/ID.*}) so that requests waiting
 * for approval survive restarts and can be approved from another process.
 */
final class LocalCa implements CaConnector, CaAdministration {
    /** Extensions come from the template, never from the request: a requester cannot ask for a CA certificate. */
    static final String TEMPLATE_USAGES = "Usages";
    static final String TEMPLATE_WEB_SERVER = "WebServer";
    static final String TEMPLATE_MUTUAL_TLS = "MutualTls";
    private static final String ROOT = "root";
    private static final String ISSUING = "issuing";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaEntry entry;
    private final Path dir;
    private final char[] secret;

    LocalCa(CaEntry entry, org.certdesk.spi.ConnectorContext context) {
        this.entry = entry;
        this.dir = SecureFiles.ensureDirectory(context.dataDirectory());
        this.secret = context.secret().clone();
    }

    @Override
    public List<String> templates() {
        return List.of(TEMPLATE_USAGES, TEMPLATE_WEB_SERVER, TEMPLATE_MUTUAL_TLS);
    }

    @Override
    public CaResponse submit(CaRequest request, ProgressSink progress) {
        String template = request.template() == null || request.template().isBlank() ? TEMPLATE_USAGES
                : request.template();
        if (!templates().contains(template)) {
            return CaResponse.denied(null, "The local CA has no template '" + template + "'. Templates: " + templates());
        }
        Csrs.Parsed parsed = Csrs.parse(request.pkcs10()); // rejects forged or malformed requests up front
        String id = newRequestId();
        Properties record = new Properties();
        record.setProperty("subject", parsed.subject());
        record.setProperty("received", Instant.now().toString());
        record.setProperty("template", template);
        record.setProperty("ekus", String.join(",", request.usageEkus()));
        FileLocks.withLock(dir.resolve(".lock"), () -> {
            SecureFiles.writeAtomically(requestFile(id, "csr"), request.pkcs10());
            if (requireApproval()) {
                record.setProperty("status", "waiting");
                writeRecord(id, record);
            } else {
                progress.step("The local CA is signing the certificate");
                issue(id, record);
            }
            return null;
        });
        return retrieve(id, progress);
    }

    @Override
    public CaResponse retrieve(String requestId, ProgressSink progress) {
        Properties record = readRecord(requestId);
        return switch (record.getProperty("status", "")) {
            case "issued" -> CaResponse.issued(requestId, chainOf(requestId));
            case "denied" -> CaResponse.denied(requestId, record.getProperty("reason", "Denied by the administrator."));
            default -> CaResponse.pending(requestId, "Waiting for an administrator of the local CA to approve request "
                    + requestId + " (certdesk local-ca approve " + requestId + ").");
        };
    }

    @Override
    public List<WaitingRequest> waitingRequests() {
        List<WaitingRequest> waiting = new ArrayList<>();
        Path requests = dir.resolve("requests");
        if (!Files.isDirectory(requests)) {
            return waiting;
        }
        try (Stream<Path> files = Files.list(requests)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                String id = p.getFileName().toString().replace(".properties", "");
                Properties record = readRecord(id);
                if ("waiting".equals(record.getProperty("status"))) {
                    waiting.add(new WaitingRequest(id, record.getProperty("subject"),
                            Instant.parse(record.getProperty("received"))));
                }
            }
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot list the local CA's requests: " + e.getMessage(), e);
        }
        return waiting;
    }

    @Override
    public void approve(String requestId) {
        FileLocks.withLock(dir.resolve(".lock"), () -> {
            Properties record = waiting(requestId);
            issue(requestId, record);
            return null;
        });
    }

    @Override
    public void deny(String requestId, String reason) {
        FileLocks.withLock(dir.resolve(".lock"), () -> {
            Properties record = waiting(requestId);
            record.setProperty("status", "denied");
            record.setProperty("reason", reason == null || reason.isBlank() ? "Denied by the administrator." : reason);
            writeRecord(requestId, record);
            return null;
        });
    }

    @Override
    public byte[] rootCertificate() {
        return Certificates.encoded(hierarchy().root());
    }

    private Properties waiting(String requestId) {
        Properties record = readRecord(requestId);
        if (!"waiting".equals(record.getProperty("status"))) {
            throw new CertdeskException(Reason.INVALID_INPUT, "Request " + requestId + " is not waiting for approval"
                    + " (it is " + record.getProperty("status") + ").");
        }
        return record;
    }

    private void issue(String id, Properties record) {
        Hierarchy ca = hierarchy();
        byte[] csr;
        try {
            csr = Files.readAllBytes(requestFile(id, "csr"));
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot read request " + id + ": " + e.getMessage(), e);
        }
        Csrs.Parsed parsed = Csrs.parse(csr);
        X509Certificate cert = CertificateIssuer.issueFromRequest(csr, ca.issuing(), ca.issuingKey(),
                CertificateTemplate.endEntity(record.getProperty("template"), Duration.ofDays(validityDays()),
                        ekus(record), "RSA".equals(parsed.publicKey().getAlgorithm())));
        SecureFiles.writeAtomically(requestFile(id, "crt"), Certificates.encoded(cert));
        record.setProperty("status", "issued");
        record.setProperty("serial", cert.getSerialNumber().toString(16));
        writeRecord(id, record);
    }

    private static Set<String> ekus(Properties record) {
        return switch (record.getProperty("template")) {
            case TEMPLATE_WEB_SERVER -> Set.of(ExtendedKeyUsages.SERVER_AUTH);
            case TEMPLATE_MUTUAL_TLS -> Set.of(ExtendedKeyUsages.SERVER_AUTH, ExtendedKeyUsages.CLIENT_AUTH);
            default -> {
                Set<String> ekus = new HashSet<>();
                for (String oid : record.getProperty("ekus", "").split(",")) {
                    if (!oid.isBlank()) {
                        ekus.add(oid.trim());
                    }
                }
                if (ekus.isEmpty()) {
                    ekus.add(ExtendedKeyUsages.SERVER_AUTH);
                }
                yield ekus;
            }
        };
    }

    private List<byte[]> chainOf(String id) {
        Hierarchy ca = hierarchy();
        try {
            return List.of(Files.readAllBytes(requestFile(id, "crt")), Certificates.encoded(ca.issuing()),
                    Certificates.encoded(ca.root()));
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot read certificate " + id + ": " + e.getMessage(), e);
        }
    }

    private record Hierarchy(X509Certificate root, X509Certificate issuing, PrivateKey issuingKey) {
    }

    /** Loads the CA, creating root and issuing CA on first use (under the lock, so only once). */
    private Hierarchy hierarchy() {
        Path file = dir.resolve("ca.p12");
        return FileLocks.withLock(dir.resolve(".lock"), () -> {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                if (Files.exists(file)) {
                    ks.load(new ByteArrayInputStream(Files.readAllBytes(file)), secret);
                } else {
                    ks.load(null, null);
                    create(ks);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ks.store(out, secret);
                    SecureFiles.writeAtomically(file, out.toByteArray());
                }
                Certificate[] chain = ks.getCertificateChain(ISSUING);
                return new Hierarchy((X509Certificate) ks.getCertificate(ROOT), (X509Certificate) chain[0],
                        (PrivateKey) ks.getKey(ISSUING, secret));
            } catch (IOException | GeneralSecurityException e) {
                throw new CertdeskException(Reason.CA_ERROR, "The local CA's keys in " + file
                        + " cannot be opened (" + e.getMessage() + ").", e);
            }
        });
    }

    private void create(KeyStore ks) throws GeneralSecurityException {
        String name = entry.settings().getOrDefault("name", "Certdesk Local");
        String suffix = HexFormat.of().formatHex(randomBytes(4)); // distinguishes CAs of different servers
        KeyPair rootKeys = KeyPairs.generate(KeySpec.EC_P384);
        X509Certificate root = CertificateIssuer.selfSignedRoot(rootKeys,
                "CN=" + name + " Root CA " + suffix + ",O=Certdesk", Duration.ofDays(3650));
        KeyPair issuingKeys = KeyPairs.generate(KeySpec.EC_P384);
        X509Certificate issuing = CertificateIssuer.issue("CN=" + name + " Issuing CA " + suffix + ",O=Certdesk",
                issuingKeys.getPublic(), List.of(), root, rootKeys.getPrivate(),
                CertificateTemplate.authority(Duration.ofDays(1825), 0));
        ks.setEntry(ROOT, new KeyStore.PrivateKeyEntry(rootKeys.getPrivate(), new Certificate[] { root }),
                protection());
        ks.setEntry(ISSUING, new KeyStore.PrivateKeyEntry(issuingKeys.getPrivate(), new Certificate[] { issuing, root }),
                protection());
    }

    private KeyStore.PasswordProtection protection() {
        return new KeyStore.PasswordProtection(secret, "PBEWithHmacSHA256AndAES_256",
                new PBEParameterSpec(randomBytes(16), 10_000));
    }

    private boolean requireApproval() {
        return Boolean.parseBoolean(entry.settings().getOrDefault("requireApproval", "false"));
    }

    private int validityDays() {
        try {
            return Integer.parseInt(entry.settings().getOrDefault("validityDays", "397"));
        } catch (NumberFormatException e) {
            throw new CertdeskException(Reason.INVALID_INPUT, "The local CA's validityDays setting is not a number.");
        }
    }

    private Path requestFile(String id, String extension) {
        if (!id.matches("[0-9a-f]{16}")) {
            throw new CertdeskException(Reason.INVALID_INPUT, "'" + id + "' is not a request id of the local CA.");
        }
        return dir.resolve("requests").resolve(id + "." + extension);
    }

    private Properties readRecord(String id) {
        Path file = requestFile(id, "properties");
        if (!Files.exists(file)) {
            throw new CertdeskException(Reason.INVALID_INPUT, "The local CA has no request " + id + ".");
        }
        Properties record = new Properties();
        try {
            record.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot read request " + id + ": " + e.getMessage(), e);
        }
        return record;
    }

    private void writeRecord(String id, Properties record) {
        StringWriter text = new StringWriter();
        try {
            record.store(text, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SecureFiles.writeAtomically(requestFile(id, "properties"), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String newRequestId() {
        return HexFormat.of().formatHex(randomBytes(8));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
