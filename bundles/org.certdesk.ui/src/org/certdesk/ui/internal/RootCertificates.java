package org.certdesk.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.security.auth.x500.X500Principal;

/**
 * The self-signed certificates a file holds, read with the JDK alone, so that the import confirmation can show
 * the administrator each root's subject and SHA-256 fingerprint before anything is trusted.
 */
final class RootCertificates {
    /** What the confirmation shows of one root. */
    record Root(String subject, String sha256) {
    }

    private RootCertificates() {
    }

    /** The self-signed certificates in a PEM, DER or PKCS#7 file; empty when the file cannot be read. */
    static List<Root> in(Path file) {
        List<Root> roots = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x && selfSigned(x)) {
                    roots.add(new Root(x.getSubjectX500Principal().getName(X500Principal.RFC2253),
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x.getEncoded()))));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            return List.of(); // the caller falls back to the service's own explanation
        }
        return roots;
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
