package org.certdesk.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.KeySpec;
import org.certdesk.api.ProgressSink;
import org.certdesk.api.RequestSpec;
import org.certdesk.core.internal.CertdeskServiceImpl;
import org.certdesk.crypto.internal.Certificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private key export from the PKCS#12 store: only keys requested as exportable, owner-only, audited. */
class KeyExportTest {
    @TempDir
    Path dir;

    private static RequestSpec spec(String name, boolean exportable) {
        RequestSpec base = Fixture.spec(name, KeySpec.EC_P256, "Default");
        return new RequestSpec(base.usageIds(), base.caId(), base.template(), name, base.keySpec(), exportable,
                base.organization(), base.organizationalUnit(), base.country(), base.state(), base.city(),
                "export.example.com", base.extraSans());
    }

    @Test
    void anExportableKeyIsWrittenOwnerOnlyAndMatchesItsCertificate() throws Exception {
        CertdeskServiceImpl s = Fixture.open(dir.resolve("data"));
        try {
            CertificateInfo cert = s.request(spec("exportable", true), ProgressSink.NONE).certificate();
            Path file = dir.resolve("key.pem");
            s.exportPrivateKey(cert.sha1Thumbprint(), file);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String pem = Files.readString(file);
            byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", ""));
            var key = (java.security.interfaces.ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            ECPublicKey pub = (ECPublicKey) Certificates.parse(cert.encoded()).getPublicKey();
            assertEquals(pub.getParams().getCurve(), key.getParams().getCurve());
            assertTrue(s.auditLog().stream().anyMatch(a -> a.action().equals("export-key")));
        } finally {
            s.close();
        }
    }

    @Test
    void aKeyNotMarkedExportableIsRefusedAndNothingIsWritten() {
        CertdeskServiceImpl s = Fixture.open(dir.resolve("data"));
        try {
            CertificateInfo cert = s.request(spec("kept", false), ProgressSink.NONE).certificate();
            Path file = dir.resolve("key.pem");
            CertdeskException e = assertThrows(CertdeskException.class, () -> s.exportPrivateKey(cert
                    .sha1Thumbprint(), file));
            assertEquals(Reason.NO_PRIVATE_KEY, e.reason());
            assertTrue(e.getMessage().contains("not marked exportable"), e.getMessage());
            assertFalse(Files.exists(file));
        } finally {
            s.close();
        }
    }
}
