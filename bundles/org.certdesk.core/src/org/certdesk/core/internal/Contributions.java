package org.certdesk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.certdesk.api.Contribution;
import org.certdesk.api.ExtendedKeyUsages;
import org.certdesk.api.KeyUsage;
import org.certdesk.api.SanRule;
import org.certdesk.api.SanType;
import org.certdesk.api.Usage;
import org.certdesk.api.UsageProfile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * What plugins contribute, read from the extension registry. Only declarations are read here; a contribution's
 * classes are loaded when it is first used, and a contribution that fails is listed with the reason.
 */
public final class Contributions {
    public static final String CA_TYPES = "org.certdesk.core.caTypes";
    public static final String STORE_PROVIDERS = "org.certdesk.core.storeProviders";
    public static final String USAGE_PROFILES = "org.certdesk.core.usageProfiles";

    /** A CA type as declared; {@link #element} creates its factory on demand. */
    public record CaType(String id, String name, String description, String contributor,
            Map<String, String> defaults, IConfigurationElement element) {
    }

    private final IExtensionRegistry registry;

    public Contributions(IExtensionRegistry registry) {
        this.registry = registry;
    }

    public Map<String, CaType> caTypes() {
        Map<String, CaType> types = new LinkedHashMap<>();
        for (IConfigurationElement e : registry.getConfigurationElementsFor(CA_TYPES)) {
            Map<String, String> defaults = new LinkedHashMap<>();
            for (IConfigurationElement s : e.getChildren("setting")) {
                if (s.getAttribute("default") != null) {
                    defaults.put(s.getAttribute("key"), s.getAttribute("default"));
                }
            }
            types.put(e.getAttribute("id"), new CaType(e.getAttribute("id"), e.getAttribute("name"),
                    e.getAttribute("description"), e.getContributor().getName(), defaults, e));
        }
        return types;
    }

    public IConfigurationElement storeProvider(String id) {
        for (IConfigurationElement e : registry.getConfigurationElementsFor(STORE_PROVIDERS)) {
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    /** Usage profiles; a malformed one is skipped and reported by {@link #list}. */
    public List<UsageProfile> profiles() {
        return profiles(new ArrayList<>());
    }

    private List<UsageProfile> profiles(List<Contribution> problems) {
        List<UsageProfile> profiles = new ArrayList<>();
        for (IConfigurationElement p : registry.getConfigurationElementsFor(USAGE_PROFILES)) {
            try {
                profiles.add(profile(p));
            } catch (IllegalArgumentException ex) {
                problems.add(new Contribution("usageProfile", p.getAttribute("id"), p.getAttribute("label"),
                        p.getContributor().getName(), ex.getMessage()));
            }
        }
        return profiles;
    }

    /** Everything contributed, for the console's and the command line's list: no class is loaded. */
    public List<Contribution> list() {
        List<Contribution> all = new ArrayList<>();
        for (IConfigurationElement e : registry.getConfigurationElementsFor(CA_TYPES)) {
            all.add(new Contribution("caType", e.getAttribute("id"), e.getAttribute("name"),
                    e.getContributor().getName(), "ok"));
        }
        for (IConfigurationElement e : registry.getConfigurationElementsFor(STORE_PROVIDERS)) {
            all.add(new Contribution("storeProvider", e.getAttribute("id"), e.getAttribute("name"),
                    e.getContributor().getName(), "ok"));
        }
        List<Contribution> problems = new ArrayList<>();
        for (UsageProfile p : profiles(problems)) {
            all.add(new Contribution("usageProfile", p.id(), p.labelEn(), p.contributor(), "ok"));
        }
        all.addAll(problems);
        return all;
    }

    public static <T> T create(IConfigurationElement element, Class<T> type) {
        try {
            return type.cast(element.createExecutableExtension("class"));
        } catch (CoreException | ClassCastException | LinkageError e) {
            throw new org.certdesk.api.CertdeskException(org.certdesk.api.CertdeskException.Reason.CA_ERROR,
                    "The plugin " + element.getContributor().getName() + " failed to load "
                            + element.getAttribute("class") + ": " + e.getMessage(), e);
        }
    }

    private UsageProfile profile(IConfigurationElement p) {
        List<Usage> usages = new ArrayList<>();
        String profileId = required(p, "id");
        for (IConfigurationElement u : p.getChildren("usage")) {
            Set<String> ekus = new java.util.HashSet<>();
            for (IConfigurationElement eku : u.getChildren("eku")) {
                ekus.add(ExtendedKeyUsages.toOid(required(eku, "oid")));
            }
            Set<KeyUsage> keyUsages = new java.util.HashSet<>();
            for (IConfigurationElement ku : u.getChildren("keyUsage")) {
                try {
                    keyUsages.add(KeyUsage.valueOf(required(ku, "name").toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown key usage '" + ku.getAttribute("name") + "'");
                }
            }
            List<SanRule> rules = new ArrayList<>();
            for (IConfigurationElement san : u.getChildren("san")) {
                SanType type;
                try {
                    type = SanType.valueOf(required(san, "type").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown SAN type '" + san.getAttribute("type") + "'");
                }
                rules.add(new SanRule(type, required(san, "template"),
                        Boolean.parseBoolean(san.getAttribute("subject"))));
            }
            int minKeySize;
            try {
                String size = u.getAttribute("minKeySize");
                minKeySize = size == null ? 2048 : Integer.parseInt(size.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("minKeySize of usage " + u.getAttribute("id") + " is not a number");
            }
            usages.add(new Usage(required(u, "id"), profileId, text(u, "label", "en"), text(u, "label", "fr"),
                    text(u, "description", "en"), text(u, "description", "fr"), ekus, keyUsages, minKeySize, rules));
        }
        return new UsageProfile(profileId, text(p, "label", "en"), text(p, "label", "fr"), p.getContributor().getName(),
                usages);
    }

    private static String required(IConfigurationElement e, String attribute) {
        String value = e.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + e.getName() + "> lacks the required attribute '" + attribute + "'");
        }
        return value;
    }

    /** An attribute in a given language: %keys are looked up in the contributor's plugin[_fr].properties. */
    private String text(IConfigurationElement e, String attribute, String language) {
        if (registry.isMultiLanguage()) { // -Declipse.registry.MultiLanguage=true, as the product sets it
            return e.getAttribute(attribute, language);
        }
        String raw = e.getAttributeAsIs(attribute);
        if (raw == null || !raw.startsWith("%")) {
            return raw;
        }
        String translated = translation(ContributorFactoryOSGi.resolve(e.getContributor()), raw.substring(1), language);
        return translated != null ? translated : e.getAttribute(attribute);
    }

    /** Reads the bundle's localization files directly: this works whether or not any bundle is started. */
    private static String translation(Bundle bundle, String key, String language) {
        if (bundle == null) {
            return null;
        }
        String base = bundle.getHeaders("").get(Constants.BUNDLE_LOCALIZATION);
        if (base == null) {
            base = Constants.BUNDLE_LOCALIZATION_DEFAULT_BASENAME;
        }
        for (String suffix : List.of("_" + language, "")) {
            URL url = bundle.getEntry(base + suffix + ".properties");
            if (url == null) {
                continue;
            }
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            } catch (IOException ex) {
                continue;
            }
            if (properties.containsKey(key)) {
                return properties.getProperty(key);
            }
        }
        return null;
    }
}
