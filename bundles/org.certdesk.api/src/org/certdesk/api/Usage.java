package org.certdesk.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A purpose the server needs a certificate for, such as its default mutual-TLS certificate.
 *
 * @param id stable identifier, e.g. {@code Default}
 * @param labelEn English label
 * @param labelFr French label
 * @param requiredEkus OIDs the certificate must carry
 * @param requiredKeyUsages key usage bits the certificate must carry (any of them, if several: see
 *            {@link org.certdesk.api.Requirements})
 * @param minKeySize minimum RSA modulus size in bits (EC keys count as equivalent RSA strength)
 */
public record Usage(String id, String profileId, String labelEn, String labelFr, String descriptionEn,
        String descriptionFr, Set<String> requiredEkus, Set<KeyUsage> requiredKeyUsages, int minKeySize,
        List<SanRule> sanRules) {

    public Usage {
        requiredEkus = Set.copyOf(requiredEkus);
        requiredKeyUsages = Set.copyOf(requiredKeyUsages);
        sanRules = List.copyOf(sanRules);
    }

    public String label(Locale locale) {
        return "fr".equals(locale.getLanguage()) && labelFr != null ? labelFr : labelEn;
    }

    public String description(Locale locale) {
        return "fr".equals(locale.getLanguage()) && descriptionFr != null ? descriptionFr : descriptionEn;
    }
}
