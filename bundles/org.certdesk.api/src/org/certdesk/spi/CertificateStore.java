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
