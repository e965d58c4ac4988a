package org.certdesk.spi;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One entry of a certificate store.
 *
 * @param chain the certificate first, then issuers if the store keeps them; for a Request store entry, the
 *            placeholder certificate that holds the request's public key
 * @param privateKey null for certificate-only entries
 */
public record StoreEntry(String friendlyName, List<X509Certificate> chain, PrivateKey privateKey,
        boolean exportable) {
    public StoreEntry {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
