package org.certdesk.store.pkcs11.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.store.pkcs11.internal.Pkcs11StoreProvider;
import org.certdesk.store.pkcs11.internal.TokenSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings and the PIN are checked before the PKCS#11 module is loaded, and every refusal says what to set. (These
 * tests must not load the module: SoftHSM would then keep the state of a token the other tests make afresh.)
 */
class TokenSettingsTest {
    @TempDir
    Path dir;

    private CertdeskException refused(Map<String, String> settings) {
        return assertThrows(CertdeskException.class, () -> new Pkcs11StoreProvider().open(dir.resolve("store"),
                "x".toCharArray(), settings));
    }

    @Test
    void withoutALibraryTheSettingIsNamed() {
        CertdeskException e = refused(Map.of());
        assertEquals(Reason.INVALID_INPUT, e.reason());
        assertTrue(e.getMessage().contains("store.pkcs11.library"), e.getMessage());
    }

    @Test
    void slotAndSlotListIndexTogetherAreRefused() {
        CertdeskException e = refused(Map.of("pkcs11.library", SoftHsm.LIBRARY, "pkcs11.slot", "1",
                "pkcs11.slotListIndex", "0"));
        assertEquals(Reason.INVALID_INPUT, e.reason());
        CertdeskException notNumber = refused(Map.of("pkcs11.library", SoftHsm.LIBRARY, "pkcs11.slot", "first"));
        assertTrue(notNumber.getMessage().contains("store.pkcs11.slot must be a number"), notNumber.getMessage());
    }

    @Test
    void withoutAPinTheVariableAndTheFileAreNamed() {
        CertdeskException e = refused(Map.of("pkcs11.library", SoftHsm.LIBRARY));
        if (System.getenv("CERTDESK_PKCS11_PIN") == null) {
            assertEquals(Reason.WRONG_PASSWORD, e.reason());
            assertTrue(e.getMessage().contains("$CERTDESK_PKCS11_PIN") && e.getMessage().contains(dir.resolve(
                    "pkcs11.pin").toString()), e.getMessage());
        }
    }

    @Test
    void theEnvironmentsPinComesFirst() throws Exception {
        SoftHsm.pinFile(dir, "from-file");
        TokenSettings settings = TokenSettings.of(Map.of("pkcs11.library", SoftHsm.LIBRARY, "pkcs11.pinFile",
                dir.resolve("token.pin").toString()), dir);
        assertArrayEquals("from-env".toCharArray(), settings.pin(Map.of("CERTDESK_PKCS11_PIN", "from-env")));
        assertArrayEquals("from-file".toCharArray(), settings.pin(Map.of()));
    }
}
