package org.certdesk.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

import org.certdesk.api.KeySpec;

/** Key generation with the Java runtime's providers. */
public final class KeyPairs {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairs() {
    }

    public static KeyPair generate(KeySpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.algorithm());
            if (spec.isEc()) {
                generator.initialize(new ECGenParameterSpec(spec.curve()), RANDOM);
            } else {
                generator.initialize(spec.size(), RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + spec.label() + " key", e);
        }
    }

    /**
     * Signs with {@code key} through {@code provider} when given: a key kept on a PKCS#11 token is only a handle,
     * which the token's provider alone can sign with.
     */
    public static org.bouncycastle.operator.jcajce.JcaContentSignerBuilder signerBuilder(java.security.Key key,
            java.security.Provider provider) {
        var builder = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(signatureAlgorithm(key));
        return provider == null ? builder : builder.setProvider(provider);
    }

    /** The signature algorithm Certdesk signs with for a key of this algorithm. */
    public static String signatureAlgorithm(java.security.Key key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }
}
