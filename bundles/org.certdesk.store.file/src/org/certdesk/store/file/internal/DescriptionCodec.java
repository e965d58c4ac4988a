package org.certdesk.store.file.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.certdesk.api.CertificateInfo;
import org.certdesk.api.KeyUsage;
import org.certdesk.api.SanType;
import org.certdesk.api.SubjectAltName;
import org.certdesk.crypto.internal.Certificates;

/**
 * A certificate's description as one line of the store index, so that listing a large store builds what the
 * console shows without decoding a single certificate. Fields are separated by ';', lists by ','; texts are
 * Base64 (UTF-8), which keeps both separators, tabs and line ends out of them.
 */
final class DescriptionCodec {
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();
    private static final int FIELDS = 14;

    private DescriptionCodec() {
    }

    static String encode(CertificateInfo c) {
        StringBuilder b = new StringBuilder(256);
        text(b, c.subject()).append(';');
        text(b, c.issuer()).append(';');
        b.append(c.serialHex()).append(';');
        b.append(c.notBefore().toEpochMilli()).append(';').append(c.notAfter().toEpochMilli()).append(';');
        String sep = "";
        for (SubjectAltName san : c.subjectAltNames()) {
            b.append(sep).append(san.type().ordinal()).append(':');
            text(b, san.value());
            sep = ",";
        }
        b.append(';');
        text(b, c.keyAlgorithm()).append(';').append(c.keySize()).append(';');
        sep = "";
        for (KeyUsage u : c.keyUsages()) {
            b.append(sep).append(u.ordinal());
            sep = ",";
        }
        b.append(';').append(String.join(",", c.extendedKeyUsages())).append(';');
        b.append(c.ca() ? '1' : '0').append(';').append(c.selfSigned() ? '1' : '0').append(';');
        return b.append(c.sha1Thumbprint()).append(';').append(c.sha256Fingerprint()).toString();
    }

    /**
     * @param friendlyName the name recorded for the entry, or null for the subject's common name
     * @param encoded the certificate's DER encoding, which the description carries as is
     * @throws IllegalArgumentException when the text is not a description this codec wrote
     */
    static CertificateInfo decode(String text, String friendlyName, boolean hasKey, boolean exportable, byte[] encoded) {
        String[] f = text.split(";", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("malformed description");
        }
        List<SubjectAltName> sans = new ArrayList<>();
        for (String san : list(f[5])) {
            int colon = san.indexOf(':');
            sans.add(new SubjectAltName(SanType.values()[Integer.parseInt(san.substring(0, colon))],
                    text(san.substring(colon + 1))));
        }
        Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        for (String u : list(f[8])) {
            usages.add(KeyUsage.values()[Integer.parseInt(u)]);
        }
        String subject = text(f[0]);
        return new CertificateInfo(subject, text(f[1]), f[2], Instant.ofEpochMilli(Long.parseLong(f[3])),
                Instant.ofEpochMilli(Long.parseLong(f[4])), sans, text(f[6]), Integer.parseInt(f[7]), usages,
                new HashSet<>(list(f[9])), f[10].equals("1"), f[11].equals("1"), f[12], f[13],
                friendlyName != null ? friendlyName : Certificates.commonName(subject), hasKey,
                exportable, encoded);
    }

    private static List<String> list(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split(","));
    }

    private static StringBuilder text(StringBuilder b, String s) {
        return b.append(B64.encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(String b64) {
        return new String(UNB64.decode(b64), StandardCharsets.UTF_8);
    }
}
