package org.certdesk.spi;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One entry of a certificate store. Entries read from a store say whether they have a key but do not carry it:
 * keys are decrypted only when asked for ({@link CertificateStore#privateKey}), so that listing a large store
 * never touches them.
 *
 * @param chain the certificate first, then issuers if the store keeps them; for a Request store entry, the
 *            placeholder certificate that holds the request's public key
 * @param privateKey a key to store with this entry; null for entries read from a store, and for entries that keep
 *            the key they already have (see {@code hasPrivateKey})
 */
public record StoreEntry(String friendlyName, List<X509Certificate> chain, PrivateKey privateKey, boolean hasPrivateKey,
        boolean exportable) {

    public StoreEntry {
        chain = List.copyOf(chain);
        if (privateKey != null && !hasPrivateKey) {
            throw new IllegalArgumentException("an entry with a key must say so");
        }
    }

    /** A new entry: with a key when {@code privateKey} is not null. */
    public StoreEntry(String friendlyName, List<X509Certificate> chain, PrivateKey privateKey, boolean exportable) {
        this(friendlyName, chain, privateKey, privateKey != null, exportable);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
