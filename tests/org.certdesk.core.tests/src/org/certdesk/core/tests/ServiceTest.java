package org.certdesk.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.ExtendedKeyUsages;
import org.certdesk.api.KeySpec;
import org.certdesk.api.ProgressSink;
import org.certdesk.api.RequestOutcome;
import org.certdesk.api.RequestStatus;
import org.certdesk.api.SanType;
import org.certdesk.api.StoreName;
import org.certdesk.api.SubjectAltName;
import org.certdesk.api.Usage;
import org.certdesk.api.UsageState;
import org.certdesk.core.internal.CertdeskServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTest {
    @TempDir
    Path dir;

    private static Map<String, byte[]> snapshot(Path root) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock"))
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

    @Test
    void serverProfileComesFromPluginXmlWithFrenchLabels() {
        CertdeskServiceImpl s = Fixture.open(dir);
        Usage def = s.usage("Default");
        assertEquals("server", def.profileId());
        assertEquals("Default", def.labelEn());
        assertEquals("Par défaut", def.labelFr());
        assertTrue(def.requiredEkus().containsAll(List.of(ExtendedKeyUsages.SERVER_AUTH, ExtendedKeyUsages.CLIENT_AUTH)));
        assertEquals(List.of("Default", "WebServicesInternal", "WebServicesExternal", "OAuthTokenIssuer"),
                s.usageStates().stream().map(u -> u.usage().id()).toList());
        assertTrue(s.contributions().stream().anyMatch(c -> c.kind().equals("caType") && c.id().equals("org.certdesk.ca.local")));
        assertTrue(s.contributions().stream().anyMatch(c -> c.kind().equals("storeProvider")));
        assertEquals(List.of("Usages", "WebServer", "MutualTls"), s.templates("local"));
    }

    @Test
    void requestIssueTrustAssignSurvivesRestartThenRemoveKeepsCertificate() throws Exception {
        CertdeskServiceImpl s = Fixture.open(dir);
        List<String> steps = new ArrayList<>();
        RequestOutcome outcome = s.request(Fixture.spec("", KeySpec.RSA_2048, "Default"), steps::add);
        assertEquals(RequestStatus.ISSUED, outcome.status());
        assertFalse(steps.isEmpty());
        CertificateInfo cert = outcome.certificate();
        assertTrue(cert.hasPrivateKey());
        assertTrue(cert.friendlyName().startsWith("Default "), cert.friendlyName());
        assertTrue(cert.extendedKeyUsages().contains(ExtendedKeyUsages.CLIENT_AUTH));
        assertTrue(cert.subjectAltNames().stream().anyMatch(n -> n.type() == SanType.DNS));
        assertTrue(s.list(StoreName.REQUEST).isEmpty(), "the key left the Request store");
        // the local CA's root is not trusted until the admin says so
        assertFalse(outcome.assignable());
        assertTrue(outcome.trustProblems().get(0).contains("not in the Trusted Root store"), outcome.trustProblems().toString());
        Map<String, byte[]> before = snapshot(dir);
        CertdeskException refused = assertThrows(CertdeskException.class, () -> s.assign("Default", cert.sha1Thumbprint()));
        assertEquals(Reason.UNTRUSTED_CHAIN, refused.reason());
        assertUnchanged(before, dir);

        s.trustRoot(s.caRoot("local").orElseThrow().encoded());
        assertEquals(List.of(), s.trustProblems(cert.sha1Thumbprint()));
        s.assign("Default", cert.displayThumbprint());

        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String perms = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------", perms, p.toString());
            }
        }
        CertdeskServiceImpl restarted = Fixture.open(dir);
        UsageState state = restarted.usageStates().get(0);
        assertEquals(cert.sha1Thumbprint(), state.assigned().sha1Thumbprint());
        assertEquals(List.of(), state.problems());

        restarted.remove("Default");
        assertNull(restarted.usageStates().get(0).assigned());
        assertEquals(cert.sha1Thumbprint(), restarted.find(cert.sha1Thumbprint()).sha1Thumbprint());
        List<String> actions = restarted.auditLog().stream().map(a -> a.action()).toList();
        assertTrue(actions.containsAll(List.of("request", "issued", "trust-root", "assign", "remove")), actions.toString());
        assertTrue(restarted.auditLog().stream().allMatch(a -> a.user().equals("alice")));
    }

    @Test
    void wrongEkuAndMissingKeyAreRefusedWithReasonsAndNothingChanges() throws Exception {
        CertdeskServiceImpl s = Fixture.open(dir);
        s.trustRoot(s.caRoot("local").orElseThrow().encoded());
        CertificateInfo webOnly = s.request(Fixture.spec("web", KeySpec.EC_P256, "WebServicesInternal"), ProgressSink.NONE)
                .certificate();
        assertFalse(webOnly.extendedKeyUsages().contains(ExtendedKeyUsages.CLIENT_AUTH));
        Map<String, byte[]> before = snapshot(dir);
        CertdeskException e = assertThrows(CertdeskException.class, () -> s.assign("Default", webOnly.sha1Thumbprint()));
        assertEquals(Reason.REQUIREMENT_FAILED, e.reason());
        assertTrue(e.getMessage().contains("clientAuth"), e.getMessage());

        CertificateInfo intermediate = s.list(StoreName.INTERMEDIATE).get(0);
        e = assertThrows(CertdeskException.class, () -> s.assign("WebServicesInternal", intermediate.sha1Thumbprint()));
        assertEquals(Reason.NO_PRIVATE_KEY, e.reason());

        assertEquals(Reason.UNKNOWN_USAGE, assertThrows(CertdeskException.class,
                () -> s.assign("NoSuchUsage", webOnly.sha1Thumbprint())).reason());
        assertEquals(Reason.UNKNOWN_CERTIFICATE, assertThrows(CertdeskException.class,
                () -> s.assign("Default", "00:11:22")).reason());
        assertEquals(Reason.INVALID_INPUT, assertThrows(CertdeskException.class,
                () -> s.remove("Default")).reason());
        assertUnchanged(before, dir);
        s.assign("WebServicesInternal", webOnly.sha1Thumbprint());
    }

    @Test
    void badRequestsAreRefusedBeforeAnyKeyIsMade() throws Exception {
        CertdeskServiceImpl s = Fixture.open(dir);
        s.request(Fixture.spec("taken", KeySpec.EC_P256, "WebServicesInternal"), ProgressSink.NONE);
        Map<String, byte[]> before = snapshot(dir);
        assertEquals(Reason.INVALID_INPUT, assertThrows(CertdeskException.class,
                () -> s.request(Fixture.spec("taken", KeySpec.EC_P256, "WebServicesInternal"), ProgressSink.NONE)).reason());
        assertEquals(Reason.UNKNOWN_USAGE, assertThrows(CertdeskException.class,
                () -> s.request(Fixture.spec("x", KeySpec.EC_P256, "Nope"), ProgressSink.NONE)).reason());
        var badCountry = new org.certdesk.api.RequestSpec(List.of("Default"), "local", null, "y", KeySpec.RSA_2048,
                false, null, null, "France", null, null, null, List.of());
        assertEquals(Reason.INVALID_INPUT, assertThrows(CertdeskException.class,
                () -> s.request(badCountry, ProgressSink.NONE)).reason());
        var badSan = new org.certdesk.api.RequestSpec(List.of("Default"), "local", null, "z", KeySpec.RSA_2048,
                false, null, null, null, null, null, null, List.of(new SubjectAltName(SanType.DNS, "bad name!")));
        assertEquals(Reason.INVALID_INPUT, assertThrows(CertdeskException.class,
                () -> s.request(badSan, ProgressSink.NONE)).reason());
        var noCa = new org.certdesk.api.RequestSpec(List.of("Default"), "nowhere", null, "w", KeySpec.RSA_2048,
                false, null, null, null, null, null, null, List.of());
        assertEquals(Reason.INVALID_INPUT, assertThrows(CertdeskException.class,
                () -> s.request(noCa, ProgressSink.NONE)).reason());
        assertUnchanged(before, dir);
        assertEquals("taken (2)", s.uniqueFriendlyName("taken"));
    }

    @Test
    void extraSansAndSubjectFollowServerConfiguration() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("server.properties"), "fqdn=fe01.example.com\npoolFqdn=pool.example.com\n"
                + "sipDomains=example.com, example.org\nexternalWebFqdn=web.example.com\n");
        CertdeskServiceImpl s = Fixture.open(dir);
        assertEquals("pool.example.com", s.proposedSubject(List.of("Default")));
        assertEquals(List.of("pool.example.com", "fe01.example.com", "sip.example.com", "sip.example.org"),
                s.proposedSans(List.of("Default")).stream().map(SubjectAltName::value).toList());
        var spec = new org.certdesk.api.RequestSpec(List.of("Default"), "local", null, "sans", KeySpec.EC_P256, false,
                null, null, null, null, null, null, List.of(SubjectAltName.parse("IP:192.0.2.10")));
        CertificateInfo c = s.request(spec, ProgressSink.NONE).certificate();
        assertTrue(c.subject().contains("CN=pool.example.com"), c.subject());
        assertTrue(c.subjectAltNames().contains(new SubjectAltName(SanType.IP, "192.0.2.10")), c.subjectAltNames().toString());
        assertTrue(c.subjectAltNames().contains(SubjectAltName.dns("sip.example.org")));
    }

    @Test
    void nonAdministratorsCanLookButNotChange() throws Exception {
        CertdeskServiceImpl admin = Fixture.open(dir);
        CertificateInfo cert = admin.request(Fixture.spec("c", KeySpec.EC_P256, "WebServicesInternal"), ProgressSink.NONE)
                .certificate();
        CertdeskServiceImpl viewer = Fixture.open(dir, Fixture.VIEWER);
        assertFalse(viewer.isAdministrator());
        assertTrue(viewer.readOnlyReason().orElseThrow().contains("certdesk-admins"));
        assertEquals(4, viewer.usageStates().size());
        assertEquals(1, viewer.list(StoreName.PERSONAL).size());
        Map<String, byte[]> before = snapshot(dir);
        for (Runnable change : List.<Runnable>of(
                () -> viewer.request(Fixture.spec("d", KeySpec.EC_P256, "Default"), ProgressSink.NONE),
                () -> viewer.assign("WebServicesInternal", cert.sha1Thumbprint()),
                () -> viewer.remove("Default"),
                () -> viewer.trustRoot(cert.encoded()),
                () -> viewer.approve("local", "0011223344556677"))) {
            assertEquals(Reason.NOT_AUTHORIZED, assertThrows(CertdeskException.class, change::run).reason());
        }
        assertUnchanged(before, dir);
    }

    @Test
    void approvalModeLeavesRequestPendingAcrossRestartsUntilApproved() throws Exception {
        CertdeskServiceImpl s = Fixture.open(dir);
        s.setCaSetting("local", "requireApproval", "true");
        RequestOutcome pending = s.request(Fixture.spec("p", KeySpec.RSA_2048, "WebServicesExternal", "WebServicesInternal"),
                ProgressSink.NONE);
        assertEquals(RequestStatus.PENDING, pending.status());
        assertNotNull(pending.caRequestId());
        assertEquals(1, s.list(StoreName.REQUEST).size(), "the key waits in the Request store");

        CertdeskServiceImpl restarted = Fixture.open(dir);
        assertEquals(1, restarted.pendingRequests().size());
        assertEquals(List.of("WebServicesExternal", "WebServicesInternal"), restarted.pendingRequests().get(0).usageIds());
        assertEquals(RequestStatus.PENDING, restarted.processPending(pending.pendingId(), ProgressSink.NONE).status());
        assertEquals(1, restarted.administration("local").waitingRequests().size());

        restarted.approve("local", pending.caRequestId());
        RequestOutcome issued = restarted.processPending(pending.pendingId(), ProgressSink.NONE);
        assertEquals(RequestStatus.ISSUED, issued.status());
        assertEquals(List.of("WebServicesExternal", "WebServicesInternal"), issued.usageIds());
        assertTrue(restarted.pendingRequests().isEmpty());
        assertTrue(restarted.list(StoreName.REQUEST).isEmpty());
        assertEquals("p", restarted.list(StoreName.PERSONAL).get(0).friendlyName());
    }

    @Test
    void listingAfterRestartDescribesCertificatesAsTheyAre() {
        CertdeskServiceImpl s = Fixture.open(dir);
        RequestOutcome issued = s.request(Fixture.spec("listed", KeySpec.RSA_2048, "Default", "WebServicesExternal"),
                ProgressSink.NONE);
        CertdeskServiceImpl restarted = Fixture.open(dir); // lists from the store's index
        CertificateInfo listed = restarted.list(StoreName.PERSONAL).get(0);
        CertificateInfo found = restarted.find(issued.certificate().sha1Thumbprint());
        assertFalse(listed.subjectAltNames().isEmpty());
        assertFalse(listed.extendedKeyUsages().isEmpty());
        assertEquals(found.subjectAltNames(), listed.subjectAltNames());
        assertEquals(found.extendedKeyUsages(), listed.extendedKeyUsages());
        assertEquals(found.keyUsages(), listed.keyUsages());
        assertEquals(List.of(found.subject(), found.issuer(), found.serialHex(), found.notBefore(), found.notAfter(),
                found.keyAlgorithm(), found.keySize(), found.ca(), found.selfSigned(), found.sha256Fingerprint(),
                found.friendlyName(), found.hasPrivateKey(), found.exportable()),
                List.of(listed.subject(), listed.issuer(), listed.serialHex(), listed.notBefore(), listed.notAfter(),
                        listed.keyAlgorithm(), listed.keySize(), listed.ca(), listed.selfSigned(),
                        listed.sha256Fingerprint(), listed.friendlyName(), listed.hasPrivateKey(), listed.exportable()));
        assertArrayEquals(found.encoded(), listed.encoded());
    }

    @Test
    void deniedRequestDiscardsKey() {
        CertdeskServiceImpl s = Fixture.open(dir);
        s.setCaSetting("local", "requireApproval", "true");
        RequestOutcome pending = s.request(Fixture.spec("q", KeySpec.EC_P256, "Default"), ProgressSink.NONE);
        s.deny("local", pending.caRequestId(), "Not for this server");
        RequestOutcome denied = s.processPending(pending.pendingId(), ProgressSink.NONE);
        assertEquals(RequestStatus.DENIED, denied.status());
        assertEquals("Not for this server", denied.message());
        assertTrue(s.list(StoreName.REQUEST).isEmpty());
        assertTrue(s.pendingRequests().isEmpty());
    }

    @Test
    void inspectDescribesAFileWithoutImportingIt() throws Exception {
        CertdeskServiceImpl viewer = Fixture.open(dir, Fixture.VIEWER);
        CertificateInfo root = viewer.caRoot("local").orElseThrow();
        Path pem = dir.resolve("root.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(root.encoded()) + "\n-----END CERTIFICATE-----\n");
        List<CertificateInfo> seen = viewer.inspect(pem);
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).selfSigned());
        assertEquals(root.sha256Fingerprint(), seen.get(0).sha256Fingerprint());
        assertTrue(viewer.list(StoreName.TRUSTED_ROOT).isEmpty(), "inspecting imports nothing");
        Files.writeString(pem, "not a certificate");
        assertEquals(Reason.INVALID_INPUT, assertThrows(CertdeskException.class, () -> viewer.inspect(pem)).reason());
    }

    @Test
    void canceledRequestKeepsNoKeyAndSendsNothing() throws Exception {
        CertdeskServiceImpl s = Fixture.open(dir);
        List<String> steps = new ArrayList<>();
        ProgressSink cancelAfterKey = new ProgressSink() {
            @Override
            public void step(String message) {
                steps.add(message);
            }

            @Override
            public boolean isCanceled() {
                return steps.size() >= 2; // after the key is kept in the Request store
            }
        };
        CertdeskException e = assertThrows(CertdeskException.class,
                () -> s.request(Fixture.spec("c", KeySpec.EC_P256, "Default"), cancelAfterKey));
        assertEquals(Reason.CANCELED, e.reason());
        assertTrue(s.list(StoreName.REQUEST).isEmpty(), "the key is discarded");
        assertTrue(s.list(StoreName.PERSONAL).isEmpty());
        assertFalse(steps.stream().anyMatch(m -> m.startsWith("Sending")), steps.toString());
        assertTrue(s.administration("local").waitingRequests().isEmpty());
    }
}
