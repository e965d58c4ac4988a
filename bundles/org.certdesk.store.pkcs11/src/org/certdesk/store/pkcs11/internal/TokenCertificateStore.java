package org.certdesk.store.pkcs11.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.CertificateInfo;
import org.certdesk.api.KeySpec;
import org.certdesk.api.StoreName;
import org.certdesk.crypto.internal.Certificates;
import org.certdesk.spi.CertificateStore;
import org.certdesk.spi.FileLocks;
import org.certdesk.spi.GeneratedKey;
import org.certdesk.spi.SecureFiles;
import org.certdesk.spi.StoreEntry;

/**
 * The stores with their keys on a PKCS#11 token. Personal and Request entries whose key is on the token live
 * there: key and certificate share one CKA_ID, the certificate's label is {@code personal/<sha1>} or
 * {@code request/<sha1>} (the ID is that text too), so that {@code pkcs11-tool -O} shows them as a pair. Only the
 * certificate goes beside its key: its issuers are kept in the Intermediate and Trusted Root stores. Everything else (Intermediate and Trusted Root CA certificates,
 * certificates without a key, software keys from before the token was chosen) stays in the PKCS#12 file beside,
 * as a token usually holds only its own keys and certificates. Friendly names of token entries are kept in
 * {@code token-entries.properties}; without one, the subject's name shows.
 */
final class TokenCertificateStore implements CertificateStore {
    static final String NAMES_FILE = "token-entries.properties";
    static final String LOCK_FILE = ".token.lock";
    private static final List<StoreName> ON_TOKEN = List.of(StoreName.PERSONAL, StoreName.REQUEST);

    private final Path location;
    private final Token token;
    private final CertificateStore files;
    /** Handles this store gave out, to know a token key when it comes back in an entry. */
    private final Set<PrivateKey> tokenKeys = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private volatile Map<StoreName, List<StoreEntry>> onToken;

    TokenCertificateStore(Path location, Token token, CertificateStore files) {
        this.location = location;
        this.token = token;
        this.files = files;
        this.onToken = read(token.keyStore());
    }

    @Override
    public List<StoreEntry> entries(StoreName store) {
        if (!ON_TOKEN.contains(store)) {
            return files.entries(store);
        }
        List<StoreEntry> all = new ArrayList<>(onToken.get(store));
        all.addAll(files.entries(store));
        return List.copyOf(all);
    }

    @Override
    public Optional<List<CertificateInfo>> descriptions(StoreName store) {
        return ON_TOKEN.contains(store) ? Optional.empty() : files.descriptions(store);
    }

    @Override
    public PrivateKey privateKey(StoreName store, String sha1Thumbprint) {
        if (ON_TOKEN.contains(store) && holds(onToken, store, sha1Thumbprint)) {
            try {
                PrivateKey key = (PrivateKey) token.keyStore().getKey(alias(store, sha1Thumbprint), null);
                if (key != null) {
                    tokenKeys.add(key);
                }
                return key;
            } catch (GeneralSecurityException | ProviderException e) {
                throw token.failure("read a key handle from", e);
            }
        }
        return files.privateKey(store, sha1Thumbprint);
    }

    @Override
    public Optional<GeneratedKey> generateKey(KeySpec spec) {
        var keys = token.generate(spec);
        tokenKeys.add(keys.getPrivate());
        return Optional.of(new GeneratedKey(keys, token.provider(), false));
    }

    @Override
    public byte[] exportPrivateKey(StoreName store, String sha1Thumbprint) {
        if (ON_TOKEN.contains(store) && holds(onToken, store, sha1Thumbprint)) {
            StoreEntry entry = find(onToken, store, sha1Thumbprint);
            throw new CertdeskException(Reason.NO_PRIVATE_KEY, "The private key of '" + entry.friendlyName()
                    + "' was generated on the PKCS#11 token " + token.describe() + " and cannot leave it: the token"
                    + " signs with it, nobody can read it. Export the certificate instead.");
        }
        return files.exportPrivateKey(store, sha1Thumbprint);
    }

    @Override
    public void reload() {
        files.reload();
        onToken = read(token.reload());
    }

    @Override
    public void update(Consumer<Editor> change) {
        FileLocks.withLock(location.resolve(LOCK_FILE), () -> {
            Map<StoreName, List<StoreEntry>> current = read(token.reload());
            files.reload();
            SplitEditor editor = new SplitEditor(current);
            change.accept(editor);
            // the file part first: intermediates a Personal entry needs are there before it shows
            if (!editor.fileEdits.isEmpty()) {
                files.update(ed -> editor.fileEdits.forEach(edit -> edit.accept(ed)));
            }
            writeToken(editor);
            onToken = read(token.reload());
            return null;
        });
    }

    /**
     * Puts before removals: putting a Request key's new certificate under a Personal alias moves the key there
     * (SunPKCS11 updates the key's CKA_ID), and the Request alias is then gone without destroying the key.
     */
    private void writeToken(SplitEditor edits) {
        KeyStore ks = token.keyStore();
        Properties names = readNames();
        try {
            for (Map.Entry<String, StoreEntry> put : edits.tokenPuts.entrySet()) {
                StoreEntry entry = put.getValue();
                PrivateKey key = entry.privateKey() != null ? entry.privateKey()
                        : (PrivateKey) ks.getKey(put.getKey(), null);
                if (key == null) {
                    throw new CertdeskException(Reason.INVALID_INPUT, "The token has no key for "
                            + Certificates.subjectName(entry.certificate()) + ".");
                }
                // the certificate only: its issuers belong in the Intermediate and Trusted Root stores
                ks.setEntry(put.getKey(), new KeyStore.PrivateKeyEntry(key,
                        new X509Certificate[] { entry.certificate() }), null);
                names.setProperty(put.getKey(), entry.friendlyName());
            }
            for (String alias : edits.tokenRemovals) {
                if (!edits.tokenPuts.containsKey(alias) && ks.containsAlias(alias)) {
                    ks.deleteEntry(alias);
                }
            }
            Properties kept = new Properties();
            for (String alias : Collections.list(ks.aliases())) {
                if (names.getProperty(alias) != null) {
                    kept.setProperty(alias, names.getProperty(alias));
                }
            }
            writeNames(kept);
        } catch (GeneralSecurityException | ProviderException e) {
            throw token.failure("write to", e);
        }
    }

    private Map<StoreName, List<StoreEntry>> read(KeyStore ks) {
        Map<StoreName, List<StoreEntry>> result = new EnumMap<>(StoreName.class);
        ON_TOKEN.forEach(s -> result.put(s, new ArrayList<>()));
        Properties names = readNames();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                StoreName store = storeOf(alias);
                if (store == null || !ks.isKeyEntry(alias)) {
                    continue; // not Certdesk's: another application's object on the same token
                }
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : ks.getCertificateChain(alias)) {
                    chain.add((X509Certificate) c);
                }
                String name = names.getProperty(alias);
                result.get(store).add(new StoreEntry(name != null ? name : Certificates.subjectName(chain.get(0)),
                        chain, null, true, false));
            }
        } catch (GeneralSecurityException | ProviderException | ClassCastException e) {
            throw token.failure("read", e);
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return result;
    }

    private Properties readNames() {
        Properties names = new Properties();
        try {
            names.load(new StringReader(Files.readString(location.resolve(NAMES_FILE), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            // no names yet: subjects show
        } catch (IOException | IllegalArgumentException e) {
            throw new CertdeskException(Reason.STORE_CORRUPT, "The names of the token's entries ("
                    + location.resolve(NAMES_FILE) + ") cannot be read: " + e.getMessage(), e);
        }
        return names;
    }

    private void writeNames(Properties names) {
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            names.store(text, null);
            SecureFiles.writeAtomically(location.resolve(NAMES_FILE), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot write " + location.resolve(NAMES_FILE), e);
        }
    }

    static String alias(StoreName store, String sha1) {
        return store.name().toLowerCase(Locale.ROOT) + "/" + sha1;
    }

    private static StoreName storeOf(String alias) {
        for (StoreName s : ON_TOKEN) {
            if (alias.startsWith(s.name().toLowerCase(Locale.ROOT) + "/")) {
                return s;
            }
        }
        return null;
    }

    private static boolean holds(Map<StoreName, List<StoreEntry>> stores, StoreName store, String sha1) {
        return find(stores, store, sha1) != null;
    }

    private static StoreEntry find(Map<StoreName, List<StoreEntry>> stores, StoreName store, String sha1) {
        return stores.get(store).stream().filter(e -> Certificates.sha1(e.certificate()).equals(sha1)).findFirst()
                .orElse(null);
    }

    /** A key the token holds: one this store handed out, or one whose value cannot be read (a software key can). */
    private boolean isTokenKey(PrivateKey key) {
        return tokenKeys.contains(key) || key.getEncoded() == null;
    }

    @Override
    public void close() {
        try {
            files.close();
        } finally {
            token.close();
        }
    }

    /**
     * Shows the four stores as one and sorts each change: entries with a token key go to the token, the rest to
     * the file.
     */
    private final class SplitEditor implements Editor {
        private final Map<StoreName, List<StoreEntry>> tokenEntries = new EnumMap<>(StoreName.class);
        final Map<String, StoreEntry> tokenPuts = new LinkedHashMap<>();
        final Set<String> tokenRemovals = new java.util.LinkedHashSet<>();
        final List<Consumer<Editor>> fileEdits = new ArrayList<>();

        SplitEditor(Map<StoreName, List<StoreEntry>> onToken) {
            onToken.forEach((k, v) -> tokenEntries.put(k, new ArrayList<>(v)));
        }

        @Override
        public List<StoreEntry> entries(StoreName store) {
            List<StoreEntry> all = new ArrayList<>(tokenEntries.getOrDefault(store, List.of()));
            all.addAll(files.entries(store)); // the file part's pending edits are not shown: they are few and additive
            return List.copyOf(all);
        }

        @Override
        public void put(StoreName store, StoreEntry entry) {
            String sha1 = Certificates.sha1(entry.certificate());
            boolean toToken = ON_TOKEN.contains(store) && (entry.privateKey() != null ? isTokenKey(entry.privateKey())
                    : entry.hasPrivateKey() && tokenEntries.get(store).stream()
                            .anyMatch(e -> Certificates.sha1(e.certificate()).equals(sha1)));
            if (toToken) {
                List<StoreEntry> list = tokenEntries.get(store);
                list.removeIf(e -> Certificates.sha1(e.certificate()).equals(sha1));
                list.add(new StoreEntry(entry.friendlyName(), entry.chain(), null, true, false));
                tokenPuts.put(alias(store, sha1), entry);
                if (inFile(store, sha1)) {
                    fileEdits.add(ed -> ed.remove(store, sha1)); // one place per certificate
                }
            } else {
                fileEdits.add(ed -> ed.put(store, entry));
            }
        }

        @Override
        public boolean remove(StoreName store, String sha1Thumbprint) {
            boolean removed = false;
            if (ON_TOKEN.contains(store)) {
                String alias = alias(store, sha1Thumbprint);
                tokenPuts.remove(alias);
                tokenRemovals.add(alias);
                removed = tokenEntries.get(store).removeIf(e -> Certificates.sha1(e.certificate())
                        .equals(sha1Thumbprint));
            }
            boolean inFile = inFile(store, sha1Thumbprint);
            if (inFile) {
                fileEdits.add(ed -> ed.remove(store, sha1Thumbprint));
            }
            return removed || inFile;
        }

        private boolean inFile(StoreName store, String sha1) {
            return files.entries(store).stream().anyMatch(e -> Certificates.sha1(e.certificate()).equals(sha1));
        }
    }

    @Override
    public String toString() {
        return "PKCS#11 token " + token.describe() + " with CA certificates in " + location;
    }
}
