package org.certdesk.spi;

import java.util.List;
import java.util.function.Consumer;

import org.certdesk.api.StoreName;

/**
 * The machine stores. Implementations keep private keys encrypted, make every change atomic (a crash leaves
 * either the old or the new content) and serialize changes from several processes.
 */
public interface CertificateStore extends AutoCloseable {

    /** Entries of one store, as last read from disk. */
    List<StoreEntry> entries(StoreName store);

    /**
     * Descriptions of one store's certificates, when the provider keeps them ready (an index), so that listing a
     * large store decodes no certificate; empty when the caller should describe {@link #entries} itself.
     */
    default java.util.Optional<List<org.certdesk.api.CertificateInfo>> descriptions(StoreName store) {
        return java.util.Optional.empty();
    }

    /**
     * Runs {@code change} under the store's lock on freshly read content and writes the result atomically;
     * if {@code change} throws, nothing is written.
     */
    void update(Consumer<Editor> change);

    /** Decrypts the key of an entry; null when the entry has none. */
    java.security.PrivateKey privateKey(StoreName store, String sha1Thumbprint);

    /**
     * Generates the key of a new request where the store keeps its keys. Empty (the default) when the store keeps
     * software keys: the caller then generates the key in memory and puts it into the Request store. A store on a
     * token returns a handle to a key generated on the token; the caller signs the request and the Request store's
     * placeholder with it, then puts it into the Request store as it would a software key. A key that is never
     * put (a request that fails before) stays on the token without a certificate, where no store lists it.
     *
     * @since 0.1 (added after the first release of the SPI; the default keeps earlier providers working)
     */
    default java.util.Optional<GeneratedKey> generateKey(org.certdesk.api.KeySpec spec) {
        return java.util.Optional.empty();
    }

    /**
     * The value of an entry's private key (PKCS#8 DER), for exporting it. The default gives it for entries marked
     * exportable and refuses the others with {@link org.certdesk.api.CertdeskException.Reason#NO_PRIVATE_KEY};
     * a store whose keys cannot leave it refuses always, saying why.
     *
     * @since 0.1 (added after the first release of the SPI)
     */
    default byte[] exportPrivateKey(StoreName store, String sha1Thumbprint) {
        StoreEntry entry = entries(store).stream().filter(e -> e.hasPrivateKey() && sha1Thumbprint.equals(
                java.util.HexFormat.of().formatHex(sha1(e)))).findFirst().orElse(null);
        if (entry == null || !entry.exportable()) {
            throw new org.certdesk.api.CertdeskException(org.certdesk.api.CertdeskException.Reason.NO_PRIVATE_KEY,
                    entry == null ? "There is no private key for " + sha1Thumbprint + " in that store."
                            : "The private key of '" + entry.friendlyName() + "' was not marked exportable.");
        }
        java.security.PrivateKey key = privateKey(store, sha1Thumbprint);
        byte[] encoded = key == null ? null : key.getEncoded();
        if (encoded == null) {
            throw new org.certdesk.api.CertdeskException(org.certdesk.api.CertdeskException.Reason.NO_PRIVATE_KEY,
                    "The private key of '" + entry.friendlyName() + "' cannot be read out of " + this + ".");
        }
        return encoded;
    }

    private static byte[] sha1(StoreEntry entry) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(entry.certificate().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime has no SHA-1", e);
        }
    }

    /** Rereads what another process may have written. */
    void reload();

    @Override
    void close();

    /** Changes made inside {@link CertificateStore#update}. */
    interface Editor {
        List<StoreEntry> entries(StoreName store);

        /**
         * Adds or replaces the entry with the same certificate. An entry that says it has a key but carries none
         * keeps the key the store has for that certificate.
         */
        void put(StoreName store, StoreEntry entry);

        /** Removes the entry whose certificate has this SHA-1 thumbprint; false if none. */
        boolean remove(StoreName store, String sha1Thumbprint);
    }
}
