package org.certdesk.api;

import java.util.List;
import java.util.Locale;

/** A set of usages contributed together, e.g. the built-in server profile. */
public record UsageProfile(String id, String labelEn, String labelFr, String contributor, List<Usage> usages) {
    public UsageProfile {
        usages = List.copyOf(usages);
    }

    public String label(Locale locale) {
        return "fr".equals(locale.getLanguage()) && labelFr != null ? labelFr : labelEn;
    }
}
