package org.certdesk.api;

import java.util.Objects;

/** One subject alternative name, e.g. {@code DNS:pool01.example.com}. */
public record SubjectAltName(SanType type, String value) {

    public SubjectAltName {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static SubjectAltName dns(String name) {
        return new SubjectAltName(SanType.DNS, name);
    }

    /** Parses {@code TYPE:value}; a bare value is taken as a DNS name. */
    public static SubjectAltName parse(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon).trim().toUpperCase(java.util.Locale.ROOT);
            for (SanType t : SanType.values()) {
                if (t.name().equals(prefix)) {
                    return new SubjectAltName(t, text.substring(colon + 1).trim());
                }
            }
        }
        return dns(text.trim());
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
