package org.certdesk.core.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.certdesk.api.CaEntry;
import org.certdesk.api.CertdeskException;
import org.certdesk.api.ServerConfiguration;
import org.certdesk.spi.SecureFiles;

/**
 * The user's Certdesk folder: settings, server configuration, CA entries, assignments, pending requests, the
 * audit log, the stores and each CA connector's own files. Created with defaults on first start.
 */
public final class DataFolder {
    public static final String LOCAL_CA = "local";
    private final Path root;

    public DataFolder(Path root) {
        this.root = SecureFiles.ensureDirectory(root.toAbsolutePath());
    }

    /** {@code -Dcertdesk.data}, else {@code $CERTDESK_DATA}, else {@code $XDG_DATA_HOME/certdesk}. */
    public static Path defaultLocation() {
        String property = System.getProperty("certdesk.data");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("CERTDESK_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("certdesk");
    }

    public Path root() {
        return root;
    }

    public Path stores() {
        return root.resolve("store");
    }

    public Path lockFile() {
        return root.resolve(".lock");
    }

    public Path auditLog() {
        return root.resolve("audit.log");
    }

    public Path assignments() {
        return root.resolve("assignments.properties");
    }

    public Path pendingFolder() {
        return root.resolve("pending");
    }

    public Path caFolder(String caId) {
        return root.resolve("ca").resolve(caId.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    public Properties settings() {
        return PropertiesFiles.read(root.resolve("certdesk.properties"));
    }

    public Path serverConfigurationFile() {
        return root.resolve("server.properties");
    }

    /**
     * The store password: {@code $CERTDESK_STORE_PASSWORD} if set, else a random secret kept owner-only in
     * {@code store.secret} (created on first start).
     */
    public char[] storePassword() {
        String env = System.getenv("CERTDESK_STORE_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Path file = root.resolve("store.secret");
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                SecureFiles.writeAtomically(file, Base64.getEncoder().encode(secret));
            }
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (java.io.IOException e) {
            throw new CertdeskException(CertdeskException.Reason.IO_ERROR, "Cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Creates the default settings, server configuration and local CA entry on first start. */
    public void initialize() {
        if (!Files.exists(root.resolve("certdesk.properties"))) {
            Properties s = new Properties();
            s.setProperty("admin.group", Authorizer.DEFAULT_ADMIN_GROUP);
            s.setProperty("store.provider", "org.certdesk.store.file");
            PropertiesFiles.write(root.resolve("certdesk.properties"), s);
        }
        if (!Files.exists(serverConfigurationFile())) {
            String host = hostName();
            Properties s = new Properties();
            s.setProperty(ServerConfiguration.FQDN, host);
            s.setProperty(ServerConfiguration.POOL_FQDN, "");
            s.setProperty(ServerConfiguration.SIP_DOMAINS, host.contains(".") ? host.substring(host.indexOf('.') + 1) : "");
            s.setProperty(ServerConfiguration.EXTERNAL_WEB_FQDN, "");
            PropertiesFiles.write(serverConfigurationFile(), s);
        }
        if (!Files.exists(root.resolve("cas.properties"))) {
            Properties s = new Properties();
            s.setProperty("ca." + LOCAL_CA + ".type", "org.certdesk.ca.local");
            s.setProperty("ca." + LOCAL_CA + ".label", "Certdesk local CA");
            PropertiesFiles.write(root.resolve("cas.properties"), s);
        }
    }

    /** Values are comma-separated lists: {@code sipDomains=example.com, example.org}. */
    public ServerConfiguration serverConfiguration() {
        Properties p = PropertiesFiles.read(serverConfigurationFile());
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
            List<String> list = new ArrayList<>();
            for (String v : p.getProperty(key).split(",")) {
                if (!v.isBlank()) {
                    list.add(v.trim());
                }
            }
            values.put(key, list);
        }
        return new ServerConfiguration(values);
    }

    public List<CaEntry> caEntries() {
        Properties p = PropertiesFiles.read(root.resolve("cas.properties"));
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
            String[] parts = key.split("\\.", 3);
            if (parts.length == 3 && parts[0].equals("ca")) {
                settings.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], p.getProperty(key));
            }
        }
        List<CaEntry> entries = new ArrayList<>();
        settings.forEach((id, s) -> {
            Map<String, String> rest = new LinkedHashMap<>(s);
            String type = rest.remove("type");
            String label = rest.remove("label");
            if (type != null) {
                entries.add(new CaEntry(id, type, label == null ? id : label, rest));
            }
        });
        return entries;
    }

    /**
     * Changes a properties file of this folder under its lock, so that two consoles or command lines changing it
     * at once both count; if {@code change} throws, nothing is written.
     */
    public <T> T update(Path file, java.util.function.Function<Properties, T> change) {
        return org.certdesk.spi.FileLocks.withLock(lockFile(), () -> {
            Properties p = PropertiesFiles.read(file);
            T result = change.apply(p);
            PropertiesFiles.write(file, p);
            return result;
        });
    }

    /** Sets one setting of a CA entry ({@code certdesk ca set local requireApproval=true}). */
    public void setCaSetting(String caId, String key, String value) {
        if (key.equals("type") || !key.matches("[A-Za-z0-9_.-]+")) {
            throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT, "'" + key + "' cannot be set.");
        }
        update(root.resolve("cas.properties"), p -> {
            if (p.getProperty("ca." + caId + ".type") == null) {
                throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT, "There is no CA entry '" + caId
                        + "'.");
            }
            return p.setProperty("ca." + caId + "." + key, value);
        });
    }

    /** Sets one key of the server configuration; values are comma-separated, an empty value clears the key. */
    public void setServerSetting(String key, String value) {
        if (!key.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT, "'" + key + "' is not a configuration key"
                    + " (letters, digits, '.', '_' and '-').");
        }
        update(serverConfigurationFile(), p -> p.setProperty(key, value.trim()));
    }

    /**
     * Chooses the store provider and its {@code store.*} settings (keys without the prefix, e.g.
     * {@code pkcs11.library}); the previous provider's settings are dropped. Read at the next start.
     */
    public void setStoreProvider(String providerId, Map<String, String> settings) {
        checkStoreSettings(settings);
        update(root.resolve("certdesk.properties"), p -> {
            p.stringPropertyNames().stream().filter(k -> k.startsWith("store.")).forEach(p::remove);
            p.setProperty("store.provider", providerId);
            settings.forEach((k, v) -> p.setProperty("store." + k, v.trim()));
            return null;
        });
    }

    /** Refuses store setting names that are malformed or would hold a secret. */
    public static void checkStoreSettings(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!key.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || key.equals("provider")) {
                throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT, "'" + key
                        + "' is not a store setting.");
            }
            if (key.matches("(?i).*(pin|password|secret)")) {
                // the value would be in this file and in the audit log
                throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT, "A PIN or password is never a"
                        + " setting: give it in the environment ($CERTDESK_PKCS11_PIN) or in an owner-only file"
                        + " (pinFile=PATH).");
            }
        }
    }

    /** Sets the OS group whose members may change certificates. */
    public void setAdminGroup(String group) {
        if (!group.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT, "'" + group
                    + "' is not a valid group name.");
        }
        update(root.resolve("certdesk.properties"), p -> p.setProperty("admin.group", group));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
