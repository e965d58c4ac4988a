package org.certdesk.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.certdesk.api.CertificateInfo;
import org.certdesk.api.ExtendedKeyUsages;
import org.certdesk.api.KeyUsage;
import org.certdesk.api.Requirements;
import org.certdesk.api.Usage;
import org.junit.jupiter.api.Test;

class RequirementsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final Usage mutualTls = new Usage("Default", "server", "Default", "Par défaut", null, null,
            Set.of(ExtendedKeyUsages.SERVER_AUTH, ExtendedKeyUsages.CLIENT_AUTH), Set.of(), 2048, List.of());

    private static CertificateInfo cert(String alg, int size, Set<String> ekus, boolean key, Instant notAfter) {
        return new CertificateInfo("CN=a", "CN=ca", "01", NOW.minus(1, ChronoUnit.DAYS), notAfter, List.of(), alg,
                size, Set.of(KeyUsage.DIGITAL_SIGNATURE), ekus, false, false, "aa", "bb", "a", key, false,
                new byte[0]);
    }

    @Test
    void acceptsMatchingCertificate() {
        CertificateInfo ok = cert("RSA", 2048, Set.of(ExtendedKeyUsages.SERVER_AUTH, ExtendedKeyUsages.CLIENT_AUTH),
                true, NOW.plus(30, ChronoUnit.DAYS));
        assertEquals(List.of(), Requirements.problems(mutualTls, ok, NOW));
    }

    @Test
    void reportsMissingClientAuthMissingKeyWeakKeyAndExpiry() {
        CertificateInfo bad = cert("RSA", 1024, Set.of(ExtendedKeyUsages.SERVER_AUTH), false,
                NOW.minus(1, ChronoUnit.HOURS));
        List<String> problems = Requirements.problems(mutualTls, bad, NOW);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("clientAuth")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("no private key")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("1024")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("expired")), problems.toString());
    }

    @Test
    void noEkuExtensionMeansAnyPurposeAndEcCountsByStrength() {
        CertificateInfo ec = cert("EC", 256, Set.of(), true, NOW.plus(1, ChronoUnit.DAYS));
        assertEquals(List.of(), Requirements.problems(mutualTls, ec, NOW));
    }
}
