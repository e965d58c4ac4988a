package org.certdesk.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.certdesk.api.CaEntry;
import org.certdesk.api.CertdeskException;
import org.certdesk.api.ExtendedKeyUsages;
import org.certdesk.api.KeySpec;
import org.certdesk.api.ProgressSink;
import org.certdesk.api.RequestStatus;
import org.certdesk.api.SubjectAltName;
import org.certdesk.core.internal.Contributions;
import org.certdesk.crypto.internal.Certificates;
import org.certdesk.crypto.internal.Csrs;
import org.certdesk.crypto.internal.KeyPairs;
import org.certdesk.spi.CaAdministration;
import org.certdesk.spi.CaConnector;
import org.certdesk.spi.CaConnectorFactory;
import org.certdesk.spi.CaRequest;
import org.certdesk.spi.CaResponse;
import org.certdesk.spi.ConnectorContext;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded CA through its extension, as the services use it. */
class LocalCaTest {
    @TempDir
    Path dir;

    private CaConnector ca(Map<String, String> settings) {
        Contributions.CaType type = new Contributions(RegistryFactory.getRegistry()).caTypes().get("org.certdesk.ca.local");
        return Contributions.create(type.element(), CaConnectorFactory.class).create(
                new CaEntry("local", type.id(), "Local", settings), new ConnectorContext(dir, "secret".toCharArray()));
    }

    private static byte[] csr(KeyPair keys) {
        return Csrs.create(keys, new Csrs.Subject("host.example.com", "Example", null, "FR", null, null),
                List.of(SubjectAltName.dns("host.example.com")));
    }

    @Test
    void issuesFromTemplateNotFromRequestAndKeepsItsHierarchy() {
        CaConnector ca = ca(Map.of());
        CaResponse r = ca.submit(new CaRequest(csr(KeyPairs.generate(KeySpec.EC_P256)), "WebServer",
                List.of(ExtendedKeyUsages.CLIENT_AUTH), Map.of()), ProgressSink.NONE);
        assertEquals(RequestStatus.ISSUED, r.status());
        assertEquals(3, r.chain().size());
        X509Certificate leaf = Certificates.parse(r.chain().get(0));
        assertEquals(-1, leaf.getBasicConstraints(), "never a CA certificate");
        var info = Certificates.describe(leaf, null, false, false);
        assertEquals(java.util.Set.of(ExtendedKeyUsages.SERVER_AUTH), info.extendedKeyUsages(), "the WebServer template wins");
        assertTrue(info.subjectAltNames().contains(SubjectAltName.dns("host.example.com")));
        X509Certificate issuing = Certificates.parse(r.chain().get(1));
        X509Certificate root = Certificates.parse(r.chain().get(2));
        assertTrue(Certificates.isSelfSigned(root));
        assertEquals(0, issuing.getBasicConstraints(), "the issuing CA cannot sign further CAs");
        byte[] rootAgain = ((CaAdministration) ca(Map.of())).rootCertificate();
        assertTrue(java.util.Arrays.equals(Certificates.encoded(root), rootAgain), "the hierarchy is created once");
    }

    @Test
    void refusesForgedRequestsAndUnknownTemplates() {
        byte[] forged = csr(KeyPairs.generate(KeySpec.EC_P256));
        forged[forged.length - 5] ^= 0x01; // inside the signature
        CaConnector ca = ca(Map.of());
        assertThrows(CertdeskException.class, () -> ca.submit(new CaRequest(forged, null, List.of(), Map.of()),
                ProgressSink.NONE));
        CaResponse denied = ca.submit(new CaRequest(csr(KeyPairs.generate(KeySpec.EC_P256)), "SubCA", List.of(),
                Map.of()), ProgressSink.NONE);
        assertEquals(RequestStatus.DENIED, denied.status());
        assertTrue(denied.message().contains("SubCA"));
    }

    @Test
    void approvalModeWaitsThenIssuesOrDenies() {
        CaConnector ca = ca(Map.of("requireApproval", "true"));
        CaResponse first = ca.submit(new CaRequest(csr(KeyPairs.generate(KeySpec.RSA_2048)), null, List.of(), Map.of()),
                ProgressSink.NONE);
        CaResponse second = ca.submit(new CaRequest(csr(KeyPairs.generate(KeySpec.RSA_2048)), null, List.of(), Map.of()),
                ProgressSink.NONE);
        assertEquals(RequestStatus.PENDING, first.status());
        CaAdministration admin = (CaAdministration) ca(Map.of("requireApproval", "true"));
        assertEquals(2, admin.waitingRequests().size());
        admin.approve(first.requestId());
        admin.deny(second.requestId(), "wrong host");
        assertEquals(RequestStatus.ISSUED, ca.retrieve(first.requestId(), ProgressSink.NONE).status());
        assertEquals("wrong host", ca.retrieve(second.requestId(), ProgressSink.NONE).message());
        assertFalse(admin.waitingRequests().stream().anyMatch(w -> w.requestId().equals(first.requestId())));
        assertThrows(CertdeskException.class, () -> admin.approve(second.requestId()), "a denied request stays denied");
        assertThrows(CertdeskException.class, () -> ca.retrieve("../../etc/passwd", ProgressSink.NONE));
    }
}
