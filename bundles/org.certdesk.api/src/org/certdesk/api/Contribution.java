package org.certdesk.api;

/**
 * What a plugin contributes (a CA type, a store provider, a usage profile), read from its plugin.xml
 * without loading its classes.
 *
 * @param kind caType, storeProvider or usageProfile
 * @param status "ok", or why the contribution could not be used
 */
public record Contribution(String kind, String id, String label, String contributor, String status) {
}
