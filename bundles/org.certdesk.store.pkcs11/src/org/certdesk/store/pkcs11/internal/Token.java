package org.certdesk.store.pkcs11.internal;

import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.login.LoginException;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.KeySpec;

/**
 * One PKCS#11 token through the Java runtime's SunPKCS11 provider: logged in with the user PIN, seen as a
 * {@code PKCS11} key store. The provider is not added to the runtime's provider list: only Certdesk signs with it.
 */
final class Token implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final TokenSettings settings;
    private final Provider provider;
    private KeyStore keyStore;

    private Token(TokenSettings settings, Provider provider) {
        this.settings = settings;
        this.provider = provider;
    }

    /** Loads the module, logs in and reads the token; a wrong PIN is {@link Reason#WRONG_PASSWORD}. */
    static Token open(TokenSettings settings) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new CertdeskException(Reason.INVALID_INPUT, "This Java runtime has no PKCS#11 support (the"
                    + " jdk.crypto.cryptoki module): the PKCS#11 store cannot be used.");
        }
        char[] pin = settings.pin(); // a missing PIN is said before the module is loaded
        try {
            Provider provider;
            try {
                provider = base.configure(settings.sunPkcs11Configuration("Certdesk-" + INSTANCES.incrementAndGet()));
            } catch (RuntimeException e) {
                throw new CertdeskException(Reason.INVALID_INPUT, "Cannot use the PKCS#11 token " + settings
                        .describe() + ": " + reason(e) + ".", e);
            }
            Token token = new Token(settings, provider);
            token.keyStore = token.load(pin);
            return token;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private KeyStore load(char[] pin) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, pin);
            return ks;
        } catch (IOException e) {
            if (causedBy(e, LoginException.class) || String.valueOf(reason(e)).contains("CKR_PIN")) {
                throw new CertdeskException(Reason.WRONG_PASSWORD, "The PIN of the PKCS#11 token " + settings
                        .describe() + " was refused (" + pinReason(e) + "): nothing was changed. Check $"
                        + TokenSettings.PIN_VARIABLE + " or " + settings.pinFile() + ".", e);
            }
            throw failure("open", e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw failure("open", e);
        }
    }

    /** Rereads the token's objects (another process may have changed them). */
    synchronized KeyStore reload() {
        try {
            keyStore.load(null, null); // already logged in: the session's login stays
        } catch (IOException | GeneralSecurityException | ProviderException e) {
            throw failure("read", e);
        }
        return keyStore;
    }

    synchronized KeyStore keyStore() {
        return keyStore;
    }

    Provider provider() {
        return provider;
    }

    String describe() {
        return settings.describe();
    }

    /** A key pair generated on the token: the private key is a token object, sensitive and not extractable. */
    KeyPair generate(KeySpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.algorithm(), provider);
            if (spec.isEc()) {
                generator.initialize(new ECGenParameterSpec(spec.curve()));
            } else {
                generator.initialize(spec.size());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new CertdeskException(Reason.IO_ERROR, "The PKCS#11 token " + describe() + " cannot generate a "
                    + spec.label() + " key: " + reason(e) + ".", e);
        }
    }

    CertdeskException failure(String what, Exception e) {
        return new CertdeskException(Reason.IO_ERROR, "Cannot " + what + " the PKCS#11 token " + describe() + ": "
                + reason(e) + ".", e);
    }

    @Override
    public void close() {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException | ProviderException e) {
                // the token went away: nothing is logged in any more
            }
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message: PKCS#11 return codes (CKR_...) say more than the wrappers around them. */
    static String reason(Throwable t) {
        String message = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }

    private static String pinReason(Throwable t) {
        String r = reason(t);
        return r.contains("CKR_PIN_LOCKED") ? "the PIN is locked: the security officer must unlock it"
                : r.contains("CKR_PIN_INCORRECT") ? "wrong PIN" : r;
    }
}
