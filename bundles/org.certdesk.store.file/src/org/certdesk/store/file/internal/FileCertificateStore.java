package org.certdesk.store.file.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.crypto.spec.PBEParameterSpec;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.StoreName;
import org.certdesk.crypto.internal.Certificates;
import org.certdesk.spi.CertificateStore;
import org.certdesk.spi.FileLocks;
import org.certdesk.spi.SecureFiles;
import org.certdesk.spi.StoreEntry;

/**
 * All four stores in one PKCS#12 file ({@code stores.p12}), so that a change touching several stores (a
 * request's key moving to Personal) is one atomic rename. Aliases are {@code <store>/<sha1>}; friendly names
 * and the exportable flag live in {@code entries.properties}, written first so that a crash between the two
 * writes leaves at worst a name for an entry that is not there.
 */
final class FileCertificateStore implements CertificateStore {
    static final String STORE_FILE = "stores.p12";
    static final String METADATA_FILE = "entries.properties";
    static final String LOCK_FILE = ".lock";
    static final String INDEX_FILE = "stores.index";
    /** PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, as modern OpenSSL writes by default. */
    static final String KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path location;
    private final char[] password;
    private volatile Snapshot snapshot;

    /**
     * The file as last read. The key store is loaded only when a key or a change needs it (listing comes from
     * the index), and keeps its keys encrypted until {@link #privateKey} asks for one. Certificates from the index
     * are decoded only for the stores somebody asks about; descriptions come straight from the index.
     */
    private final class Snapshot {
        final Supplier<KeyStore> keyStore;
        private final Properties metadata;
        /** The index's lines by store, or null when the entries came from the file itself. */
        private final Map<StoreName, List<StoreIndex.Line>> lines;
        private final Map<StoreName, List<StoreEntry>> entries = new EnumMap<>(StoreName.class);
        /** Descriptions decoded from the index, per store, once: the console lists again on every refresh. */
        private final Map<StoreName, Optional<List<CertificateInfo>>> described = new EnumMap<>(StoreName.class);

        Snapshot(Supplier<KeyStore> keyStore, Properties metadata, Map<StoreName, List<StoreIndex.Line>> lines,
                Map<StoreName, List<StoreEntry>> entries) {
            this.keyStore = keyStore;
            this.metadata = metadata;
            this.lines = lines;
            this.entries.putAll(freeze(entries));
        }

        synchronized List<StoreEntry> entries(StoreName store) {
            return entries.computeIfAbsent(store, this::decode);
        }

        Map<StoreName, List<StoreEntry>> all() {
            Map<StoreName, List<StoreEntry>> all = new EnumMap<>(StoreName.class);
            for (StoreName s : StoreName.values()) {
                all.put(s, entries(s));
            }
            return all;
        }

        private List<StoreEntry> decode(StoreName store) {
            try {
                return lines.get(store).parallelStream()
                        .map(line -> entry(line.alias(), line.chain(), line.hasKey(), metadata)).toList();
            } catch (RuntimeException damagedIndex) {
                // the index matched the file but a certificate in it does not decode: the file itself is right
                return List.copyOf(entriesOf(keyStore.get(), metadata).get(store));
            }
        }

        synchronized Optional<List<CertificateInfo>> descriptions(StoreName store) {
            return described.computeIfAbsent(store, this::describe);
        }

        private Optional<List<CertificateInfo>> describe(StoreName store) {
            if (lines == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(lines.get(store).parallelStream().map(line -> DescriptionCodec.decode(
                        line.description(), friendlyName(line.alias(), metadata, null), line.hasKey(),
                        exportable(line.alias(), metadata), line.certificateEncoding())).toList());
            } catch (RuntimeException damagedIndex) {
                return Optional.empty();
            }
        }

        /** Descriptions already made, by alias, for the next index. */
        Map<String, String> descriptionTexts() {
            Map<String, String> texts = new HashMap<>();
            if (lines != null) {
                lines.values().forEach(list -> list.forEach(l -> texts.put(l.alias(), l.description())));
            }
            return texts;
        }
    }

    FileCertificateStore(Path location, char[] password) {
        this.location = SecureFiles.ensureDirectory(location);
        this.password = password.clone();
        this.snapshot = read();
    }

    @Override
    public List<StoreEntry> entries(StoreName store) {
        return snapshot.entries(store);
    }

    @Override
    public Optional<List<CertificateInfo>> descriptions(StoreName store) {
        return snapshot.descriptions(store);
    }

    @Override
    public PrivateKey privateKey(StoreName store, String sha1Thumbprint) {
        try {
            return (PrivateKey) snapshot.keyStore.get().getKey(alias(store, sha1Thumbprint), password);
        } catch (UnrecoverableKeyException e) {
            throw wrongPassword(e);
        } catch (GeneralSecurityException e) {
            throw corrupt(e);
        }
    }

    @Override
    public void reload() {
        snapshot = read();
    }

    @Override
    public void update(Consumer<Editor> change) {
        FileLocks.withLock(location.resolve(LOCK_FILE), () -> {
            Snapshot fresh = read();
            MemoryEditor editor = new MemoryEditor(fresh.all());
            change.accept(editor);
            write(fresh.keyStore.get(), editor, fresh.descriptionTexts());
            snapshot = read();
            return null;
        });
    }

    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    private Snapshot read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(location.resolve(STORE_FILE));
        } catch (NoSuchFileException e) {
            return new Snapshot(FileCertificateStore::emptyKeyStore, new Properties(), null, emptyStores());
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot read " + location.resolve(STORE_FILE) + ": "
                    + e.getMessage(), e);
        }
        Properties metadata = readMetadata();
        StoreIndex index = new StoreIndex(location.resolve(INDEX_FILE), bytes);
        Map<StoreName, List<StoreIndex.Line>> lines = index.read(password, () -> wrongPassword(null));
        if (lines != null) {
            KeyStore[] loaded = new KeyStore[1];
            return new Snapshot(() -> {
                synchronized (loaded) {
                    if (loaded[0] == null) {
                        loaded[0] = load(bytes);
                    }
                    return loaded[0];
                }
            }, metadata, lines, Map.of());
        }
        KeyStore keyStore = load(bytes);
        Map<StoreName, List<StoreEntry>> entries = entriesOf(keyStore, metadata);
        index.write(password, entries, Map.of());
        return new Snapshot(() -> keyStore, metadata, null, entries);
    }

    static Map<StoreName, List<StoreEntry>> emptyStores() {
        Map<StoreName, List<StoreEntry>> result = new EnumMap<>(StoreName.class);
        for (StoreName s : StoreName.values()) {
            result.put(s, new ArrayList<>());
        }
        return result;
    }

    private Map<StoreName, List<StoreEntry>> entriesOf(KeyStore keyStore, Properties metadata) {
        Map<StoreName, List<StoreEntry>> result = emptyStores();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                StoreName store = storeOfAlias(alias);
                if (store == null) {
                    continue; // not ours: somebody added it with another tool
                }
                List<X509Certificate> chain = new ArrayList<>();
                boolean hasKey = keyStore.isKeyEntry(alias);
                if (hasKey) {
                    for (Certificate c : keyStore.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                } else {
                    chain.add((X509Certificate) keyStore.getCertificate(alias));
                }
                result.get(store).add(entry(alias, chain, hasKey, metadata));
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw corrupt(e);
        }
        return result;
    }

    static StoreEntry entry(String alias, List<X509Certificate> chain, boolean hasKey, Properties metadata) {
        return new StoreEntry(friendlyName(alias, metadata, chain.get(0)), chain, null, hasKey,
                exportable(alias, metadata));
    }

    /** The name recorded for an entry; without one, the subject's name (from {@code certificate}, or the index). */
    private static String friendlyName(String alias, Properties metadata, X509Certificate certificate) {
        String name = metadata.getProperty(alias + ".name");
        return name != null || certificate == null ? name : Certificates.subjectName(certificate);
    }

    private static boolean exportable(String alias, Properties metadata) {
        return Boolean.parseBoolean(metadata.getProperty(alias + ".exportable", "false"));
    }

    static StoreName storeOfAlias(String alias) {
        int slash = alias.indexOf('/');
        return slash < 0 ? null : storeOf(alias.substring(0, slash));
    }

    private static KeyStore emptyKeyStore() {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime has no PKCS#12 support", e);
        }
    }

    private KeyStore load(byte[] bytes) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(new ByteArrayInputStream(bytes), password);
            return keyStore;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw wrongPassword(e);
            }
            throw corrupt(e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    private Properties readMetadata() {
        Properties metadata = new Properties();
        try {
            metadata.load(new StringReader(Files.readString(location.resolve(METADATA_FILE), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            // no names recorded yet: names default to the subject's CN
        } catch (IOException | IllegalArgumentException e) {
            throw new CertdeskException(Reason.STORE_CORRUPT, "The store's entry names ("
                    + location.resolve(METADATA_FILE) + ") cannot be read: " + e.getMessage(), e);
        }
        return metadata;
    }

    /**
     * Applies the edits to the loaded key store, so that keys nobody touched are written back still encrypted as
     * they were (never decrypted), then replaces the files.
     */
    private void write(KeyStore keyStore, MemoryEditor edits, Map<String, String> descriptions) {
        try {
            Properties metadata = readMetadata(); // keep old names until the new file is in place
            for (String alias : edits.removed) {
                if (!edits.put.containsKey(alias) && keyStore.containsAlias(alias)) {
                    keyStore.deleteEntry(alias);
                }
            }
            for (Map.Entry<String, StoreEntry> e : edits.put.entrySet()) {
                String alias = e.getKey();
                StoreEntry entry = e.getValue();
                Certificate[] chain = entry.chain().toArray(new Certificate[0]);
                if (entry.privateKey() != null) {
                    keyStore.setEntry(alias, new KeyStore.PrivateKeyEntry(entry.privateKey(), chain), protection());
                } else if (entry.hasPrivateKey()) {
                    if (!keyStore.isKeyEntry(alias)) {
                        throw new CertdeskException(Reason.INVALID_INPUT, "The store has no key for "
                                + Certificates.subjectName(entry.certificate()) + ".");
                    }
                    if (!Arrays.equals(keyStore.getCertificateChain(alias), chain)) {
                        PrivateKey key = (PrivateKey) keyStore.getKey(alias, password);
                        keyStore.setEntry(alias, new KeyStore.PrivateKeyEntry(key, chain), protection());
                    }
                } else {
                    if (keyStore.isKeyEntry(alias)) {
                        keyStore.deleteEntry(alias);
                    }
                    keyStore.setCertificateEntry(alias, chain[0]);
                }
                metadata.setProperty(alias + ".name", entry.friendlyName());
                metadata.setProperty(alias + ".exportable", Boolean.toString(entry.exportable()));
            }
            SecureFiles.writeAtomically(location.resolve(METADATA_FILE), format(metadata));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keyStore.store(out, password);
            byte[] written = out.toByteArray();
            SecureFiles.writeAtomically(location.resolve(STORE_FILE), written);
            new StoreIndex(location.resolve(INDEX_FILE), written).write(password, entriesOf(keyStore, metadata),
                    descriptions);
            // now drop the names of entries that are gone
            Properties current = new Properties();
            for (String alias : Collections.list(keyStore.aliases())) {
                for (String suffix : List.of(".name", ".exportable")) {
                    String value = metadata.getProperty(alias + suffix);
                    if (value != null) {
                        current.setProperty(alias + suffix, value);
                    }
                }
            }
            if (!current.equals(metadata)) {
                SecureFiles.writeAtomically(location.resolve(METADATA_FILE), format(current));
            }
        } catch (UnrecoverableKeyException e) {
            throw wrongPassword(e);
        } catch (IOException | GeneralSecurityException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot write the store: " + e.getMessage(), e);
        }
    }

    private KeyStore.PasswordProtection protection() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new KeyStore.PasswordProtection(password, KEY_PROTECTION, new PBEParameterSpec(salt, ITERATIONS));
    }

    private static byte[] format(Properties metadata) throws IOException {
        StringWriter text = new StringWriter();
        new java.util.TreeMap<>(metadata).forEach((k, v) -> text.append(escape(k.toString())).append('=')
                .append(escape(v.toString())).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Properties escaping, so that names with '=', ':' or non-ASCII characters survive. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        String out = b.toString();
        return out.startsWith(" ") ? "\\" + out : out;
    }

    static String alias(StoreName store, String sha1) {
        return store.name().toLowerCase(Locale.ROOT) + "/" + sha1;
    }

    private static StoreName storeOf(String prefix) {
        for (StoreName s : StoreName.values()) {
            if (s.name().equalsIgnoreCase(prefix)) {
                return s;
            }
        }
        return null;
    }

    private CertdeskException wrongPassword(Exception e) {
        return new CertdeskException(Reason.WRONG_PASSWORD, "The store password for " + location
                + " is wrong: the store cannot be opened.", e);
    }

    private CertdeskException corrupt(Exception e) {
        return new CertdeskException(Reason.STORE_CORRUPT, "The store file " + location.resolve(STORE_FILE)
                + " is damaged or not a PKCS#12 file (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()) + "). Nothing was changed; restore it from"
                + " a backup or move it away to start with empty stores.", e);
    }

    private static Map<StoreName, List<StoreEntry>> freeze(Map<StoreName, List<StoreEntry>> stores) {
        Map<StoreName, List<StoreEntry>> frozen = new EnumMap<>(StoreName.class);
        stores.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }

    /** Records the changes of one update, and shows them in {@link #entries}. */
    private static final class MemoryEditor implements Editor {
        private final Map<StoreName, List<StoreEntry>> stores = new EnumMap<>(StoreName.class);
        final Map<String, StoreEntry> put = new java.util.LinkedHashMap<>();
        final Set<String> removed = new java.util.HashSet<>();

        MemoryEditor(Map<StoreName, List<StoreEntry>> current) {
            current.forEach((k, v) -> stores.put(k, new ArrayList<>(v)));
        }

        @Override
        public List<StoreEntry> entries(StoreName store) {
            return List.copyOf(stores.get(store));
        }

        @Override
        public void put(StoreName store, StoreEntry entry) {
            String sha1 = Certificates.sha1(entry.certificate());
            List<StoreEntry> list = stores.get(store);
            list.removeIf(e -> Certificates.sha1(e.certificate()).equals(sha1));
            list.add(entry);
            put.put(alias(store, sha1), entry);
        }

        @Override
        public boolean remove(StoreName store, String sha1Thumbprint) {
            String alias = alias(store, sha1Thumbprint);
            put.remove(alias);
            removed.add(alias);
            return stores.get(store).removeIf(e -> Certificates.sha1(e.certificate()).equals(sha1Thumbprint));
        }
    }

    @Override
    public String toString() {
        return "PKCS#12 store at " + location;
    }
}
