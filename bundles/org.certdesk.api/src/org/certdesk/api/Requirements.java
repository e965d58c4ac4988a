package org.certdesk.api;

import java.util.ArrayList;
import java.util.List;

/** Checks a certificate against what a usage needs; the problems are sentences an administrator can act on. */
public final class Requirements {
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private Requirements() {
    }

    /** RSA-equivalent strength of a key, so that one minimum applies to RSA and EC keys alike (NIST SP 800-57). */
    public static int rsaEquivalentBits(String algorithm, int size) {
        if ("EC".equalsIgnoreCase(algorithm) || "ECDSA".equalsIgnoreCase(algorithm)) {
            if (size >= 512) {
                return 15360;
            }
            if (size >= 384) {
                return 7680;
            }
            if (size >= 256) {
                return 3072;
            }
            return 1024;
        }
        return size;
    }

    /** Problems that keep {@code cert} from serving {@code usage}; empty when it meets every requirement. */
    public static List<String> problems(Usage usage, CertificateInfo cert, java.time.Instant now) {
        List<String> problems = new ArrayList<>();
        if (!cert.hasPrivateKey()) {
            problems.add("The certificate has no private key on this server.");
        }
        // RFC 5280 4.2.1.12: without the extension (or with anyExtendedKeyUsage) every purpose is allowed
        boolean ekuRestricted = !cert.extendedKeyUsages().isEmpty()
                && !cert.extendedKeyUsages().contains(ANY_EXTENDED_KEY_USAGE);
        for (String eku : usage.requiredEkus()) {
            if (ekuRestricted && !cert.extendedKeyUsages().contains(eku)) {
                problems.add("The certificate is not valid for " + ExtendedKeyUsages.name(eku)
                        + " (extended key usage " + eku + ").");
            }
        }
        if (!usage.requiredKeyUsages().isEmpty() && !cert.keyUsages().isEmpty()
                && usage.requiredKeyUsages().stream().noneMatch(cert.keyUsages()::contains)) {
            problems.add("The certificate's key usage lacks " + usage.requiredKeyUsages() + ".");
        }
        int strength = rsaEquivalentBits(cert.keyAlgorithm(), cert.keySize());
        if (strength < usage.minKeySize()) {
            problems.add("The key (" + cert.keyAlgorithm() + " " + cert.keySize() + " bits) is weaker than the "
                    + usage.minKeySize() + "-bit minimum for this usage.");
        }
        if (now.isAfter(cert.notAfter())) {
            problems.add("The certificate expired on " + cert.notAfter() + ".");
        } else if (now.isBefore(cert.notBefore())) {
            problems.add("The certificate is not valid before " + cert.notBefore() + ".");
        }
        return problems;
    }
}
