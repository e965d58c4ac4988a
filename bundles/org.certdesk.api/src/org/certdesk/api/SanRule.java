package org.certdesk.api;

/**
 * Fills in a subject alternative name from the server's configuration. The template may name configuration
 * keys as {@code ${key}}; a key with several values (e.g. SIP domains) yields one name per value, and a key
 * with no value yields nothing.
 *
 * @param template e.g. {@code ${fqdn}} or {@code sip.${sipDomains}}
 * @param subject true when this name is also the subject common name (the first such rule wins)
 */
public record SanRule(SanType type, String template, boolean subject) {
}
