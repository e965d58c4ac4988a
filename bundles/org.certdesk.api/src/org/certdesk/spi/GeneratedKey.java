package org.certdesk.spi;

import java.security.KeyPair;
import java.security.Provider;

/**
 * A key pair that a store generated where it keeps its keys (a PKCS#11 token), see
 * {@link CertificateStore#generateKey}. The private half may be a handle whose value never leaves the store: sign
 * with it through {@code provider}, and put it into the Request store like any other key.
 *
 * @param keyPair the public key and the handle of the private key
 * @param provider the JCA provider that signs with the private key; null when any provider can
 * @param exportable whether the store can ever give the key's value out (false for a token's keys)
 */
public record GeneratedKey(KeyPair keyPair, Provider provider, boolean exportable) {
}
