package org.certdesk.api;

import java.util.List;
import java.util.Locale;

/** The key types a request can ask for. */
public enum KeySpec {
    RSA_2048("RSA", 2048), RSA_3072("RSA", 3072), RSA_4096("RSA", 4096),
    EC_P256("EC", 256), EC_P384("EC", 384);

    private final String algorithm;
    private final int size;

    KeySpec(String algorithm, int size) {
        this.algorithm = algorithm;
        this.size = size;
    }

    public String algorithm() {
        return algorithm;
    }

    public int size() {
        return size;
    }

    public boolean isEc() {
        return "EC".equals(algorithm);
    }

    /** The curve name for EC keys, e.g. {@code secp256r1}. */
    public String curve() {
        return size == 256 ? "secp256r1" : "secp384r1";
    }

    /** Display form, also accepted by {@link #parse}: {@code RSA-2048}, {@code EC-P256}. */
    public String label() {
        return isEc() ? "EC-P" + size : "RSA-" + size;
    }

    public static KeySpec parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        for (KeySpec k : values()) {
            if (k.label().equals(t) || k.name().replace('_', '-').equals(t)) {
                return k;
            }
        }
        throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT,
                "Unknown key type '" + text + "'. Use one of " + List.of(values()).stream().map(KeySpec::label).toList());
    }
}
