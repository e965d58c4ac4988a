package org.certdesk.crypto.internal;

import java.time.Duration;
import java.util.Set;

import org.certdesk.api.KeyUsage;

/**
 * What an issued certificate carries, whatever the request asked for: CAs decide extensions from their
 * template, not from the requester.
 */
public record CertificateTemplate(String name, Duration validity, Set<String> extendedKeyUsages,
        Set<KeyUsage> keyUsages, boolean ca, int pathLength) {

    public static CertificateTemplate endEntity(String name, Duration validity, Set<String> ekus, boolean rsa) {
        return new CertificateTemplate(name, validity, ekus,
                rsa ? Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT) : Set.of(KeyUsage.DIGITAL_SIGNATURE),
                false, -1);
    }

    public static CertificateTemplate authority(Duration validity, int pathLength) {
        return new CertificateTemplate("CA", validity, Set.of(), Set.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN),
                true, pathLength);
    }
}
