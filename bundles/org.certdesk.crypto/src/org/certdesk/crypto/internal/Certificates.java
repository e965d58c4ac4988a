package org.certdesk.crypto.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.KeyUsage;
import org.certdesk.api.SanType;
import org.certdesk.api.SubjectAltName;

/** Parsing, encoding and describing X.509 certificates. */
public final class Certificates {
    private Certificates() {
    }

    public static X509Certificate parse(byte[] der) {
        List<X509Certificate> all = parseAll(der);
        if (all.size() != 1) {
            throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT,
                    "Expected one certificate, found " + all.size() + ".");
        }
        return all.get(0);
    }

    /** Reads DER, PEM (one or several certificates) or PKCS#7 certificate bundles. */
    public static List<X509Certificate> parseAll(byte[] data) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends java.security.cert.Certificate> certs = factory
                    .generateCertificates(new ByteArrayInputStream(data));
            List<X509Certificate> result = new ArrayList<>();
            for (java.security.cert.Certificate c : certs) {
                result.add((X509Certificate) c);
            }
            if (result.isEmpty()) {
                throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT,
                        "The file holds no certificate.");
            }
            return result;
        } catch (CertificateException | ClassCastException e) {
            throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT,
                    "The file is not a readable certificate (PEM, DER or PKCS#7): " + e.getMessage(), e);
        }
    }

    public static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha1(X509Certificate cert) {
        return Hex.digest("SHA-1", encoded(cert));
    }

    public static String toPem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate cert : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(encoded(cert)))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    public static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    /** The CN of a distinguished name, or the whole name when it has none. */
    public static String commonName(String dn) {
        for (String part : dn.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                return p.substring(3);
            }
        }
        return dn;
    }

    /** The CN of the certificate's subject (the whole subject when it has no CN), as messages name it. */
    public static String subjectName(X509Certificate cert) {
        return commonName(name(cert.getSubjectX500Principal()));
    }

    public static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public static CertificateInfo describe(X509Certificate cert, String friendlyName, boolean hasKey,
            boolean exportable) {
        byte[] der = encoded(cert);
        return new CertificateInfo(name(cert.getSubjectX500Principal()), name(cert.getIssuerX500Principal()),
                cert.getSerialNumber().toString(16), cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
                sans(cert), cert.getPublicKey().getAlgorithm(), keySize(cert), keyUsages(cert), ekus(cert),
                cert.getBasicConstraints() >= 0, isSelfSigned(cert), Hex.digest("SHA-1", der),
                Hex.digest("SHA-256", der), friendlyName, hasKey, exportable, der);
    }

    public static int keySize(X509Certificate cert) {
        if (cert.getPublicKey() instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (cert.getPublicKey() instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }

    private static Set<KeyUsage> keyUsages(X509Certificate cert) {
        boolean[] bits = cert.getKeyUsage();
        Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        if (bits != null) {
            KeyUsage[] all = KeyUsage.values();
            for (int i = 0; i < bits.length && i < all.length; i++) {
                if (bits[i]) {
                    usages.add(all[i]);
                }
            }
        }
        return usages;
    }

    private static Set<String> ekus(X509Certificate cert) {
        try {
            List<String> ekus = cert.getExtendedKeyUsage();
            return ekus == null ? Set.of() : Set.copyOf(ekus);
        } catch (CertificateParsingException e) {
            return Set.of();
        }
    }

    private static List<SubjectAltName> sans(X509Certificate cert) {
        List<SubjectAltName> result = new ArrayList<>();
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    SanType type = switch ((Integer) name.get(0)) {
                        case 1 -> SanType.EMAIL;
                        case 2 -> SanType.DNS;
                        case 6 -> SanType.URI;
                        case 7 -> SanType.IP;
                        default -> null;
                    };
                    if (type != null && name.get(1) instanceof String value) {
                        result.add(new SubjectAltName(type, value));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable SAN extension shows as no SANs; chain validation reports the certificate
        }
        return result;
    }
}
