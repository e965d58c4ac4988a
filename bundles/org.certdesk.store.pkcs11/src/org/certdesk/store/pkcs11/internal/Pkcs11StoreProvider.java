package org.certdesk.store.pkcs11.internal;

import java.nio.file.Path;
import java.util.Map;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.spi.CertificateStore;
import org.certdesk.spi.SecureFiles;
import org.certdesk.spi.StoreProvider;
import org.certdesk.store.file.internal.FileStoreProvider;

/**
 * Keys on a PKCS#11 token (settings {@code store.pkcs11.*}, see {@link TokenSettings}); CA certificates in the
 * PKCS#12 file of the default store, protected by the store password as before.
 */
public class Pkcs11StoreProvider implements StoreProvider {
    @Override
    public CertificateStore open(Path location, char[] password) {
        return open(location, password, Map.of());
    }

    @Override
    public CertificateStore open(Path location, char[] password, Map<String, String> settings) {
        Path folder = SecureFiles.ensureDirectory(location.toAbsolutePath());
        TokenSettings tokenSettings = TokenSettings.of(settings, folder.getParent());
        Token token = Token.open(tokenSettings); // the PIN is checked before anything is written
        try {
            return new TokenCertificateStore(folder, token, new FileStoreProvider().open(folder, password));
        } catch (CertdeskException e) {
            token.close();
            throw e;
        } catch (RuntimeException e) {
            token.close();
            throw new CertdeskException(Reason.IO_ERROR, "Cannot open the stores at " + folder + ": "
                    + e.getMessage(), e);
        }
    }
}
