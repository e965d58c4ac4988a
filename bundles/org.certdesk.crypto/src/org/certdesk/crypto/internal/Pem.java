package org.certdesk.crypto.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Minimal PEM framing for requests (certificates go through the JDK's CertificateFactory). */
public final class Pem {
    private Pem() {
    }

    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The DER inside the first {@code label} block, or {@code data} itself when it is not PEM. */
    public static byte[] derOf(byte[] data, String label) {
        String text = new String(data, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        int start = text.indexOf(begin);
        if (start < 0) {
            begin = "-----BEGIN NEW " + label + "-----";
            start = text.indexOf(begin);
        }
        if (start < 0) {
            return data;
        }
        int end = text.indexOf("-----END", start + begin.length());
        if (end < 0) {
            throw new IllegalArgumentException("PEM block '" + label + "' is not terminated");
        }
        return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
    }
}
