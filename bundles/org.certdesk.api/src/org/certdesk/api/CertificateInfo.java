package org.certdesk.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What an administrator sees of a certificate. Plain data: no crypto library types.
 *
 * @param sha1Thumbprint lower-case hex, the identifier shown in the console (as server products show it)
 * @param sha256Fingerprint lower-case hex
 * @param keySize bits for RSA, field size for EC
 * @param extendedKeyUsages OIDs
 * @param encoded the DER encoding
 */
public record CertificateInfo(
        String subject, String issuer, String serialHex, Instant notBefore, Instant notAfter,
        List<SubjectAltName> subjectAltNames, String keyAlgorithm, int keySize,
        Set<KeyUsage> keyUsages, Set<String> extendedKeyUsages, boolean ca, boolean selfSigned,
        String sha1Thumbprint, String sha256Fingerprint, String friendlyName, boolean hasPrivateKey,
        boolean exportable, byte[] encoded) {

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
        keyUsages = Set.copyOf(keyUsages);
        extendedKeyUsages = Set.copyOf(extendedKeyUsages);
    }

    public CertificateInfo withStoreFacts(String newFriendlyName, boolean privateKey, boolean canExport) {
        return new CertificateInfo(subject, issuer, serialHex, notBefore, notAfter, subjectAltNames, keyAlgorithm,
                keySize, keyUsages, extendedKeyUsages, ca, selfSigned, sha1Thumbprint, sha256Fingerprint,
                newFriendlyName, privateKey, canExport, encoded);
    }

    public boolean isValidAt(Instant when) {
        return !when.isBefore(notBefore) && !when.isAfter(notAfter);
    }

    /** The thumbprint as server consoles print it: upper-case hex. */
    public String displayThumbprint() {
        return sha1Thumbprint.toUpperCase(java.util.Locale.ROOT);
    }
}
