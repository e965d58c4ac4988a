package org.certdesk.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certdesk.api.SanRule;
import org.certdesk.api.SanRules;
import org.certdesk.api.SanType;
import org.certdesk.api.ServerConfiguration;
import org.certdesk.api.SubjectAltName;
import org.certdesk.api.Usage;
import org.junit.jupiter.api.Test;

class SanRulesTest {
    private final ServerConfiguration config = new ServerConfiguration(Map.of(
            "fqdn", List.of("fe01.example.com"),
            "poolFqdn", List.of("pool.example.com"),
            "sipDomains", List.of("example.com", "example.org"),
            "externalWebFqdn", List.of()));

    private static Usage usage(SanRule... rules) {
        return new Usage("u", "p", "U", "U", null, null, Set.of(), Set.of(), 2048, List.of(rules));
    }

    @Test
    void multiValuedKeyYieldsOneNamePerValue() {
        assertEquals(List.of("sip.example.com", "sip.example.org"), SanRules.expand("sip.${sipDomains}", config));
    }

    @Test
    void emptyKeyYieldsNothing() {
        assertEquals(List.of(), SanRules.expand("${externalWebFqdn}", config));
        assertEquals(List.of(), SanRules.expand("${noSuchKey}", config));
    }

    @Test
    void sansKeepRuleOrderAndDropDuplicates() {
        Usage a = usage(new SanRule(SanType.DNS, "${poolFqdn}", true), new SanRule(SanType.DNS, "${fqdn}", false));
        Usage b = usage(new SanRule(SanType.DNS, "${fqdn}", false));
        assertEquals(List.of(SubjectAltName.dns("pool.example.com"), SubjectAltName.dns("fe01.example.com")),
                SanRules.sansFor(List.of(a, b), config));
        assertEquals("pool.example.com", SanRules.subjectFor(List.of(a, b), config));
    }

    @Test
    void subjectFallsBackToFirstNameAndIsNullWithoutAny() {
        Usage a = usage(new SanRule(SanType.DNS, "${fqdn}", false));
        assertEquals("fe01.example.com", SanRules.subjectFor(List.of(a), config));
        assertNull(SanRules.subjectFor(List.of(usage(new SanRule(SanType.DNS, "${externalWebFqdn}", true))), config));
    }

    @Test
    void parsesTypedAndBareNames() {
        assertEquals(new SubjectAltName(SanType.IP, "10.0.0.1"), SubjectAltName.parse("ip:10.0.0.1"));
        assertEquals(SubjectAltName.dns("a.example.com"), SubjectAltName.parse(" a.example.com "));
    }

    @Test
    void wellFormedNamesOnly() {
        for (String ok : List.of("a.example.com", "*.example.com", "DNS:xn--bcher-kva.example", "IP:192.0.2.1",
                "IP:2001:db8::1", "EMAIL:admin@example.com", "URI:https://example.com/x")) {
            org.junit.jupiter.api.Assertions.assertTrue(SubjectAltName.parse(ok).isWellFormed(), ok);
        }
        for (String bad : List.of("bad name!", "-a.example.com", "a..example.com", "IP:256.1.1.1", "IP:host",
                "IP:1.2.3", "EMAIL:nobody", "URI:no scheme", "*.*.example.com")) {
            org.junit.jupiter.api.Assertions.assertFalse(SubjectAltName.parse(bad).isWellFormed(), bad);
        }
    }
}
