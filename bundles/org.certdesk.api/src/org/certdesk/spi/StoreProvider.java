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
}
