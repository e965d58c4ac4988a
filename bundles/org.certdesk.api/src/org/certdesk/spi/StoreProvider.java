package org.certdesk.spi;

import java.nio.file.Path;

/** Opens certificate stores; contributed through the {@code org.certdesk.core.storeProviders} extension point. */
public interface StoreProvider {

    /**
     * @param location the store's folder (created if missing)
     * @param password protects private keys; wrong passwords fail with
     *            {@link org.certdesk.api.CertdeskException.Reason#WRONG_PASSWORD}
     */
    CertificateStore open(Path location, char[] password);

    /**
     * Opens the stores with the provider's settings: the {@code store.*} keys of {@code certdesk.properties} without
     * their {@code store.} prefix (e.g. {@code pkcs11.library}). The default ignores them, for providers that need
     * none.
     *
     * @since 0.1 (added after the first release of the SPI; the default keeps earlier providers working)
     */
    default CertificateStore open(Path location, char[] password, java.util.Map<String, String> settings) {
        return open(location, password);
    }
}
