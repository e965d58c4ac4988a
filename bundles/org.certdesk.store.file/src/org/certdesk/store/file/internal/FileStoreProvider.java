package org.certdesk.store.file.internal;

import java.nio.file.Path;

import org.certdesk.spi.CertificateStore;
import org.certdesk.spi.StoreProvider;

/** The default store provider: PKCS#12 on disk. */
public class FileStoreProvider implements StoreProvider {
    @Override
    public CertificateStore open(Path location, char[] password) {
        return new FileCertificateStore(location, password);
    }
}
