package org.certdesk.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands usages' SAN rules against the server configuration. */
public final class SanRules {
    private static final Pattern KEY = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private SanRules() {
    }

    /** Names produced by one template; a template naming an empty key produces none. */
    public static List<String> expand(String template, ServerConfiguration config) {
        List<String> results = new ArrayList<>();
        results.add(template);
        Matcher m = KEY.matcher(template);
        while (m.find()) {
            String placeholder = m.group();
            List<String> values = config.get(m.group(1));
            List<String> next = new ArrayList<>();
            for (String partial : results) {
                for (String value : values) {
                    next.add(partial.replace(placeholder, value.trim()));
                }
            }
            results = next;
        }
        return results.stream().filter(s -> !s.isBlank()).toList();
    }

    /** All SANs for the chosen usages, in rule order, without duplicates. */
    public static List<SubjectAltName> sansFor(List<Usage> usages, ServerConfiguration config) {
        Set<SubjectAltName> sans = new LinkedHashSet<>();
        for (Usage usage : usages) {
            for (SanRule rule : usage.sanRules()) {
                for (String name : expand(rule.template(), config)) {
                    sans.add(new SubjectAltName(rule.type(), name));
                }
            }
        }
        return List.copyOf(sans);
    }

    /** The subject common name: the first name of the first rule marked as subject, else the first SAN. */
    public static String subjectFor(List<Usage> usages, ServerConfiguration config) {
        for (Usage usage : usages) {
            for (SanRule rule : usage.sanRules()) {
                if (rule.subject()) {
                    List<String> names = expand(rule.template(), config);
                    if (!names.isEmpty()) {
                        return names.get(0);
                    }
                }
            }
        }
        List<SubjectAltName> all = sansFor(usages, config);
        return all.isEmpty() ? null : all.get(0).value();
    }
}
