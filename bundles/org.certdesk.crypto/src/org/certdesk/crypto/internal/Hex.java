package org.certdesk.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Thumbprints and their normal form. */
public final class Hex {
    private Hex() {
    }

    public static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }

    /** Lower-case hex without separators, as thumbprints are compared; accepts "AB:CD ..." forms. */
    public static String normalizeThumbprint(String text) {
        return text == null ? "" : text.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
    }
}
