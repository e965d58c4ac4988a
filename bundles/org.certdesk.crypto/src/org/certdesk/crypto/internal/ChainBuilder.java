package org.certdesk.crypto.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Builds the path from a certificate through the Intermediate CAs store to the Trusted Root store, and says
 * in an administrator's words what is missing. Full RFC 5280 validation comes with the trust work; this
 * checks names, signatures, validity and that issuers are CAs.
 */
public final class ChainBuilder {
    private static final int MAX_DEPTH = 8;

    private ChainBuilder() {
    }

    /** @param path leaf first; ends at a trusted root when {@code problems} is empty */
    public record Result(List<X509Certificate> path, List<String> problems) {
        public boolean trusted() {
            return problems.isEmpty();
        }
    }

    public static Result build(X509Certificate leaf, List<X509Certificate> intermediates, List<X509Certificate> roots,
            Instant when) {
        List<X509Certificate> path = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        X509Certificate current = leaf;
        path.add(leaf);
        checkValidity(leaf, when, problems);
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            X509Certificate trusted = issuerAmong(current, roots);
            if (trusted != null) {
                if (!trusted.equals(current)) {
                    path.add(trusted);
                    checkValidity(trusted, when, problems);
                }
                return new Result(path, problems);
            }
            if (Certificates.isSelfSigned(current)) {
                problems.add("The issuing root '" + Certificates.subjectName(current)
                        + "' is not in the Trusted Root store: import it.");
                return new Result(path, problems);
            }
            X509Certificate next = issuerAmong(current, intermediates);
            if (next == null || path.contains(next)) {
                problems.add("The intermediate '" + Certificates.commonName(Certificates.name(
                        current.getIssuerX500Principal())) + "' is missing from the Intermediate CAs store: import it.");
                return new Result(path, problems);
            }
            path.add(next);
            checkValidity(next, when, problems);
            current = next;
        }
        problems.add("The chain is longer than " + MAX_DEPTH + " certificates.");
        return new Result(path, problems);
    }

    private static X509Certificate issuerAmong(X509Certificate cert, List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
                    && (candidate.getBasicConstraints() >= 0 || candidate.equals(cert)) && signedBy(cert, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void checkValidity(X509Certificate cert, Instant when, List<String> problems) {
        try {
            cert.checkValidity(Date.from(when));
        } catch (java.security.cert.CertificateExpiredException e) {
            problems.add("'" + Certificates.subjectName(cert)
                    + "' expired on " + cert.getNotAfter().toInstant() + ".");
        } catch (java.security.cert.CertificateNotYetValidException e) {
            problems.add("'" + Certificates.subjectName(cert)
                    + "' is not valid before " + cert.getNotBefore().toInstant() + ".");
        }
    }
}
