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

    /**
     * Whether the value is well-formed for its type: a host name (optionally one leading wildcard label), an IPv4
     * or IPv6 literal, an e-mail address or an absolute URI. Checks the form only, never looks anything up.
     */
    public boolean isWellFormed() {
        return switch (type) {
            case DNS -> value.length() <= 253 && value.matches(
                    "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
            case IP -> isIpv4(value) || value.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*") && isIpv6(value);
            case EMAIL -> value.matches("[^@\\s]+@[^@\\s]+");
            case URI -> value.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
        };
    }

    private static boolean isIpv4(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String v) {
        try {
            // only a literal reaches this point (it contains ':'), so no name is ever resolved
            return java.net.InetAddress.getByName(v) instanceof java.net.Inet6Address || v.contains(".");
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
