package org.certdesk.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the server's configuration that SAN rules read: its FQDN, pool FQDN, SIP-like domains,
 * external web FQDN, and any site-specific key. Each key has zero or more values.
 */
public record ServerConfiguration(Map<String, List<String>> values) {
    public static final String FQDN = "fqdn";
    public static final String POOL_FQDN = "poolFqdn";
    public static final String SIP_DOMAINS = "sipDomains";
    public static final String EXTERNAL_WEB_FQDN = "externalWebFqdn";

    public ServerConfiguration {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> get(String key) {
        return values.getOrDefault(key, List.of());
    }
}
