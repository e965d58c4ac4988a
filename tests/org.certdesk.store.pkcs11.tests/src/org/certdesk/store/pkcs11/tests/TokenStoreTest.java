package org.certdesk.store.pkcs11.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.KeySpec;
import org.certdesk.api.ProgressSink;
import org.certdesk.api.RequestOutcome;
import org.certdesk.api.RequestSpec;
import org.certdesk.api.RequestStatus;
import org.certdesk.api.StoreName;
import org.certdesk.api.UsageState;
import org.certdesk.core.internal.Authorizer;
import org.certdesk.core.internal.CertdeskServiceImpl;
import org.certdesk.core.internal.Contributions;
import org.certdesk.core.internal.DataFolder;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The PKCS#11 store on a real SoftHSM2 token, through the services as the console and command line use them: the
 * key of a request is generated and used on the token, the issued certificate joins it there, and what
 * {@code pkcs11-tool} sees is what Certdesk says. The tests share one token and data folder, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenStoreTest {
    static final char[] STORE_PASSWORD = "correct horse battery staple".toCharArray();
    static final Authorizer.Identity ADMIN = new Authorizer.Identity("alice", false, List.of("certdesk-admins"));
    static Path folder;
    static Path data;
    static Path pin;
    static String issued;

    @BeforeAll
    static void token() throws Exception {
        folder = SoftHsm.freshToken();
        data = folder.resolve("data");
        pin = SoftHsm.pinFile(folder, SoftHsm.PIN);
    }

    static CertdeskServiceImpl open() {
        return new CertdeskServiceImpl(new DataFolder(data), new Contributions(RegistryFactory.getRegistry()),
                new Authorizer(ADMIN, null), STORE_PASSWORD, Clock.systemUTC());
    }

    static Map<String, String> tokenSettings(Path pinFile) {
        return Map.of("pkcs11.library", SoftHsm.LIBRARY, "pkcs11.slotListIndex", "0", "pkcs11.pinFile",
                pinFile.toString());
    }

    static RequestSpec spec(String name, KeySpec key, boolean exportable) {
        return new RequestSpec(List.of("Default"), "local", null, name, key, exportable, "Example Corp", "IT", "FR",
                null, "Paris", "fe01.example.com", List.of());
    }

    @Test
    @Order(1)
    void choosingTheTokenChecksItFirst() throws Exception {
        CertdeskServiceImpl s = open();
        try {
            s.trustRoot(s.caRoot("local").orElseThrow().encoded());
            CertdeskException missing = assertThrows(CertdeskException.class, () -> s.useStore(
                    "org.certdesk.store.pkcs11", Map.of("pkcs11.library", "/nonexistent/libpkcs11.so")));
            assertEquals(Reason.INVALID_INPUT, missing.reason());
            assertTrue(missing.getMessage().contains("/nonexistent/libpkcs11.so"), missing.getMessage());
            assertEquals("org.certdesk.store.file", s.storeConfiguration().get("provider"));
            CertdeskException pinSetting = assertThrows(CertdeskException.class, () -> s.useStore(
                    "org.certdesk.store.pkcs11", Map.of("pkcs11.library", SoftHsm.LIBRARY, "pkcs11.pin", "4321")));
            assertEquals(Reason.INVALID_INPUT, pinSetting.reason());
            assertFalse(pinSetting.getMessage().contains("4321"));
            s.useStore("org.certdesk.store.pkcs11", tokenSettings(pin));
            assertEquals(SoftHsm.LIBRARY, s.storeConfiguration().get("pkcs11.library"));
        } finally {
            s.close();
        }
        String settings = Files.readString(data.resolve("certdesk.properties"));
        assertTrue(settings.contains("store.provider=org.certdesk.store.pkcs11"), settings);
        assertFalse(settings.contains(SoftHsm.PIN + "\n") || settings.contains("4321"), "the PIN is never a setting");
        assertFalse(Files.readString(data.resolve("audit.log")).contains("4321"));
    }

    @Test
    @Order(2)
    void requestGeneratesTheKeyOnTheTokenAndTheCertificateJoinsIt() throws Exception {
        CertdeskServiceImpl s = open();
        try {
            assertTrue(s.list(StoreName.TRUSTED_ROOT).size() == 1, "the trusted root stays in the file part");
            RequestOutcome outcome = s.request(spec("Token web", KeySpec.EC_P256, true), ProgressSink.NONE);
            assertEquals(RequestStatus.ISSUED, outcome.status(), outcome.message());
            CertificateInfo cert = outcome.certificate();
            issued = cert.sha1Thumbprint();
            assertTrue(cert.hasPrivateKey());
            assertFalse(cert.exportable(), "a key generated on the token can never be exported");
            assertEquals("Token web", cert.friendlyName());
            assertTrue(outcome.log().stream().anyMatch(l -> l.contains("cannot be exported")), outcome.log()
                    .toString());
            assertEquals(List.of(), s.list(StoreName.REQUEST), "the request's key moved to Personal");
            assertEquals(List.of(), s.trustProblems(issued));
            s.assign("Default", issued);
        } finally {
            s.close();
        }
        String objects = SoftHsm.objects();
        assertEquals(1, SoftHsm.count(objects, "Private Key Object"), objects);
        assertEquals(1, SoftHsm.count(objects, "Certificate Object"), objects);
        String alias = "personal/" + issued;
        assertTrue(objects.contains("label:      " + alias), objects);
        String id = "ID:         " + java.util.HexFormat.of().formatHex(alias.getBytes(java.nio.charset.StandardCharsets
                .US_ASCII));
        assertEquals(2, objects.lines().filter(l -> l.trim().equals(id)).count(), "key and certificate share the"
                + " CKA_ID:\n" + objects);
        assertFalse(objects.contains("Local Root CA"), "the token holds its own certificates only:\n" + objects);
        assertTrue(objects.contains("Access:     sensitive, always sensitive, never extractable, local"), objects);
        String listing = Files.readString(data.resolve("store").resolve("token-entries.properties"));
        assertTrue(listing.contains("Token web"), listing);
        // no key in the file part: the PKCS#12 file holds only the trusted root
        assertFalse(Files.readString(data.resolve("store").resolve("entries.properties")).contains("personal/"));
    }

    @Test
    @Order(3)
    void theAssignmentSurvivesARestartAndTheTokenSigns() throws Exception {
        CertdeskServiceImpl s = open();
        try {
            UsageState state = s.usageStates().stream().filter(u -> u.usage().id().equals("Default")).findFirst()
                    .orElseThrow();
            assertEquals(issued, state.assigned().sha1Thumbprint());
            assertEquals(List.of(), state.problems());
            CertificateInfo again = s.find(issued);
            assertTrue(again.hasPrivateKey());
            assertEquals("Token web", again.friendlyName());
            // a second request, RSA this time, after the restart: the token signs with the new handle
            RequestOutcome rsa = s.request(spec("Token rsa", KeySpec.RSA_2048, false), ProgressSink.NONE);
            assertEquals(RequestStatus.ISSUED, rsa.status(), rsa.message());
            assertEquals("RSA", rsa.certificate().keyAlgorithm());
            s.assign("WebServicesInternal", rsa.certificate().sha1Thumbprint());
            assertEquals(2, s.list(StoreName.PERSONAL).size());
        } finally {
            s.close();
        }
        String objects = SoftHsm.objects();
        assertEquals(2, SoftHsm.count(objects, "Private Key Object"), objects);
        assertEquals(2, SoftHsm.count(objects, "Certificate Object"), objects);
    }

    @Test
    @Order(4)
    void exportingATokenKeyIsRefused() throws Exception {
        Path target = folder.resolve("exported.pem");
        CertdeskServiceImpl s = open();
        try {
            CertdeskException e = assertThrows(CertdeskException.class, () -> s.exportPrivateKey(issued, target));
            assertEquals(Reason.NO_PRIVATE_KEY, e.reason());
            assertTrue(e.getMessage().contains("PKCS#11 token") && e.getMessage().contains("cannot leave it"),
                    e.getMessage());
        } finally {
            s.close();
        }
        assertFalse(Files.exists(target));
        // nor can anything else read it out: the token refuses
        assertThrows(IllegalStateException.class, () -> SoftHsm.run(List.of("pkcs11-tool", "--module",
                SoftHsm.LIBRARY, "--token-label", SoftHsm.LABEL, "--login", "--pin", SoftHsm.PIN, "--read-object",
                "--type", "privkey", "--label", "personal/" + issued)));
    }

    @Test
    @Order(5)
    void aWrongPinIsRefusedAndChangesNothing() throws Exception {
        Path wrong = folder.resolve("wrong");
        Files.createDirectories(wrong);
        Path wrongPin = SoftHsm.pinFile(wrong, "9999");
        String objectsBefore = SoftHsm.objects();
        rewriteSetting("store.pkcs11.pinFile", wrongPin.toString());
        Map<String, byte[]> before = snapshot(data);
        CertdeskException e = assertThrows(CertdeskException.class, TokenStoreTest::open);
        assertEquals(Reason.WRONG_PASSWORD, e.reason());
        assertTrue(e.getMessage().contains("PIN") && e.getMessage().contains("refused"), e.getMessage());
        assertFalse(e.getMessage().contains("9999"), "the PIN is never in a message");
        assertUnchanged(before, data);
        assertEquals(objectsBefore, SoftHsm.objects());
        rewriteSetting("store.pkcs11.pinFile", pin.toString());
    }

    @Test
    @Order(6)
    void aPinFileOthersMayReadIsRefused() throws Exception {
        Files.setPosixFilePermissions(pin, PosixFilePermissions.fromString("rw-r--r--"));
        try {
            CertdeskException e = assertThrows(CertdeskException.class, TokenStoreTest::open);
            assertEquals(Reason.WRONG_PASSWORD, e.reason());
            assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(pin, PosixFilePermissions.fromString("rw-------"));
        }
        open().close();
    }

    @Test
    @Order(7)
    void aDeniedRequestLeavesNoKeyOnTheToken() throws Exception {
        CertdeskServiceImpl s = open();
        try {
            s.setCaSetting("local", "requireApproval", "true");
            RequestOutcome pending = s.request(spec("Token pending", KeySpec.EC_P256, false), ProgressSink.NONE);
            assertEquals(RequestStatus.PENDING, pending.status());
            assertEquals(1, s.list(StoreName.REQUEST).size(), "the key waits on the token");
            assertEquals(3, SoftHsm.count(SoftHsm.objects(), "Private Key Object"));
            s.clearPending(pending.pendingId());
            assertEquals(List.of(), s.list(StoreName.REQUEST));
        } finally {
            s.close();
        }
        String objects = SoftHsm.objects();
        assertEquals(2, SoftHsm.count(objects, "Private Key Object"), objects);
        assertEquals(2, SoftHsm.count(objects, "Certificate Object"), objects);
    }

    @Test
    @Order(8)
    void theCommandLineChoosesTheTokenAndRequestsOnIt() throws Exception {
        Path other = folder.resolve("cli-data");
        assertEquals(0, cli(other, "store", "use", "pkcs11", "library=" + SoftHsm.LIBRARY, "slotListIndex=0",
                "pinFile=" + pin));
        assertEquals(0, cli(other, "trust-ca-root"));
        assertEquals(0, cli(other, "request", "--usage", "Default", "--key", "EC-P256", "--cn", "cli.example.com",
                "--name", "From the command line", "--assign"));
        StringBuilder shown = new StringBuilder();
        assertEquals(0, cli(other, shown, "store"));
        assertTrue(shown.toString().contains("provider = org.certdesk.store.pkcs11"), shown.toString());
        assertTrue(shown.toString().contains("pkcs11.slotListIndex = 0"), shown.toString());
        String thumb = certificateNamed(other, "From the command line").sha1Thumbprint();
        StringBuilder refused = new StringBuilder();
        assertEquals(Reason.NO_PRIVATE_KEY.exitCode(), cli(other, refused, "export-key", thumb,
                folder.resolve("cli-key.pem").toString()));
        assertTrue(refused.toString().contains("cannot leave it"), refused.toString());
        assertFalse(Files.exists(folder.resolve("cli-key.pem")));
        assertTrue(SoftHsm.objects().contains("label:      personal/" + thumb));
    }

    @Test
    @Order(9)
    void aRequestCanceledOnceTheKeyIsOnTheTokenLeavesNoKeyThere() throws Exception {
        long keysBefore = SoftHsm.count(SoftHsm.objects(), "Private Key Object");
        List<String> steps = new java.util.ArrayList<>();
        ProgressSink cancelAtOnce = new ProgressSink() {
            @Override
            public void step(String message) {
                steps.add(message);
            }

            @Override
            public boolean isCanceled() {
                return !steps.isEmpty(); // from the moment the key is being generated
            }
        };
        CertdeskServiceImpl s = open();
        try {
            s.setCaSetting("local", "requireApproval", "false");
            CertdeskException e = assertThrows(CertdeskException.class, () -> s.request(spec("Canceled", KeySpec
                    .EC_P256, false), cancelAtOnce));
            assertEquals(Reason.CANCELED, e.reason());
            assertEquals(List.of(), s.list(StoreName.REQUEST));
            assertTrue(s.list(StoreName.PERSONAL).stream().noneMatch(c -> c.friendlyName().equals("Canceled")));
        } finally {
            s.close();
        }
        assertEquals(keysBefore, SoftHsm.count(SoftHsm.objects(), "Private Key Object"));
    }

    @Test
    @Order(10)
    void aKeyWaitingOnTheTokenJoinsItsCertificateAfterARestart() throws Exception {
        CertdeskServiceImpl s = open();
        RequestOutcome pending;
        try {
            s.setCaSetting("local", "requireApproval", "true");
            pending = s.request(spec("Approved later", KeySpec.EC_P384, false), ProgressSink.NONE);
            assertEquals(RequestStatus.PENDING, pending.status());
        } finally {
            s.close();
        }
        String waiting = SoftHsm.objects();
        assertTrue(waiting.contains("label:      request/"), waiting);
        CertdeskServiceImpl later = open();
        try {
            later.approve("local", pending.caRequestId());
            RequestOutcome issuedLater = later.processPending(pending.pendingId(), ProgressSink.NONE);
            assertEquals(RequestStatus.ISSUED, issuedLater.status(), issuedLater.message());
            assertTrue(issuedLater.certificate().hasPrivateKey());
            assertFalse(issuedLater.certificate().exportable());
            assertEquals(List.of(), later.list(StoreName.REQUEST));
            later.assign("OAuthTokenIssuer", issuedLater.certificate().sha1Thumbprint());
        } finally {
            later.close();
        }
        String objects = SoftHsm.objects();
        assertFalse(objects.contains("label:      request/"), objects);
        assertEquals(SoftHsm.count(objects, "Private Key Object"), SoftHsm.count(objects, "Certificate Object"),
                "every key on the token has its certificate beside it:\n" + objects);
    }

    private static CertificateInfo certificateNamed(Path dataFolder, String name) {
        Path saved = data;
        data = dataFolder;
        try (var closing = new AutoCloseable() {
            final CertdeskServiceImpl s = open();

            @Override
            public void close() {
                s.close();
            }
        }) {
            return closing.s.list(StoreName.PERSONAL).stream().filter(c -> c.friendlyName().equals(name))
                    .findFirst().orElseThrow();
        } finally {
            data = saved;
        }
    }

    private static int cli(Path dataFolder, String... args) {
        return cli(dataFolder, new StringBuilder(), args);
    }

    /** Runs the command line as an administrator; {@code output} gets what it printed, errors included. */
    private static int cli(Path dataFolder, StringBuilder output, String... args) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        List<String> all = new java.util.ArrayList<>(List.of("--data", dataFolder.toString()));
        all.addAll(List.of(args));
        int code = new org.certdesk.cli.internal.Cli(print, print, dir -> new CertdeskServiceImpl(new DataFolder(dir),
                new Contributions(RegistryFactory.getRegistry()), new Authorizer(ADMIN, null), STORE_PASSWORD,
                Clock.systemUTC())).run(all.toArray(String[]::new));
        output.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        return code;
    }

    private static void rewriteSetting(String key, String value) throws Exception {
        Path file = data.resolve("certdesk.properties");
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        p.setProperty(key, value);
        try (var out = Files.newOutputStream(file)) {
            p.store(out, null);
        }
    }

    private static Map<String, byte[]> snapshot(Path root) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith("lock"))
                    .toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertUnchanged(Map<String, byte[]> before, Path root) throws Exception {
        Map<String, byte[]> after = snapshot(root);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " changed"));
    }

}
