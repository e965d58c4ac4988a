package org.certdesk.api;

/**
 * A configured CA: an instance of a CA type with its settings.
 *
 * @param typeId the CA type contributed through the {@code org.certdesk.core.caTypes} extension point
 */
public record CaEntry(String id, String typeId, String label, java.util.Map<String, String> settings) {
    public CaEntry {
        settings = java.util.Map.copyOf(settings);
    }
}
