package org.certdesk.store.file.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.StoreName;
import org.certdesk.crypto.internal.Certificates;
import org.certdesk.spi.SecureFiles;
import org.certdesk.spi.StoreEntry;

/**
 * The certificates of {@code stores.p12} and their descriptions, in the clear, so that listing a large store needs
 * neither the PKCS#12 decoding nor the keys, nor even decoding the certificates. The index names the length and
 * CRC-32C of the file it was made from and is used only while that file is unchanged; otherwise the file itself is
 * read and the index made again. It also holds a PBKDF2 verifier of the store password, so that a wrong password is
 * refused as early as with the file itself. Certificates are public; the index is owner-only all the same, like
 * everything in the store's folder.
 */
final class StoreIndex {
    private static final String MAGIC = "certdesk-store-index-3";
    private static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One entry as the index has it: certificates still Base64 DER (decoded only when somebody needs them) and the
     * description of the first.
     */
    record Line(String alias, boolean hasKey, String chainBase64, String description) {
        List<X509Certificate> chain() {
            CertificateFactory factory = FACTORIES.get();
            List<X509Certificate> chain = new ArrayList<>();
            for (String der : chainBase64.split(",")) {
                try {
                    chain.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(Base64.getDecoder().decode(der))));
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            return chain;
        }

        byte[] certificateEncoding() {
            int comma = chainBase64.indexOf(',');
            return Base64.getDecoder().decode(comma < 0 ? chainBase64 : chainBase64.substring(0, comma));
        }
    }

    private static final ThreadLocal<CertificateFactory> FACTORIES = ThreadLocal.withInitial(StoreIndex::factory);

    private final Path file;
    private final String contentHash;

    StoreIndex(Path file, byte[] storeBytes) {
        this.file = file;
        // change detection, not security: whoever can rewrite these files can rewrite the index too
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(storeBytes);
        this.contentHash = storeBytes.length + "-" + Long.toHexString(crc.getValue());
    }

    /**
     * The index's lines by store, or null when the index is missing, stale or unreadable (then read the store
     * itself).
     */
    Map<StoreName, List<Line>> read(char[] password, Supplier<CertdeskException> wrongPassword) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
        if (lines.isEmpty()) {
            return null;
        }
        String[] head = lines.get(0).split(" ");
        if (head.length != 4 || !head[0].equals(MAGIC) || !head[1].equals(contentHash)) {
            return null;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        try {
            if (!MessageDigest.isEqual(verifier(password, b64.decode(head[2])), b64.decode(head[3]))) {
                throw wrongPassword.get();
            }
            Map<StoreName, List<Line>> result = new EnumMap<>(StoreName.class);
            for (StoreName s : StoreName.values()) {
                result.put(s, new ArrayList<>());
            }
            for (String text : lines.subList(1, lines.size())) {
                String[] f = text.split("\t", -1);
                StoreName store = f.length == 4 ? FileCertificateStore.storeOfAlias(f[0]) : null;
                if (store == null || f[2].isEmpty()) {
                    return null; // a damaged index is only a slower start
                }
                result.get(store).add(new Line(f[0], "k".equals(f[1]), f[2], f[3]));
            }
            return result;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CertificateFactory factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param descriptions descriptions already made, by alias, so that a change to one entry of a large store does
     *            not describe all the others again
     */
    void write(char[] password, Map<StoreName, List<StoreEntry>> entries, Map<String, String> descriptions) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder text = new StringBuilder(MAGIC).append(' ').append(contentHash).append(' ')
                .append(b64.encodeToString(salt)).append(' ').append(b64.encodeToString(verifier(password, salt)))
                .append('\n');
        entries.forEach((store, list) -> {
            for (StoreEntry e : list) {
                String alias = FileCertificateStore.alias(store, Certificates.sha1(e.certificate()));
                text.append(alias).append('\t').append(e.hasPrivateKey() ? "k" : "c").append('\t');
                List<String> ders = e.chain().stream().map(c -> b64.encodeToString(Certificates.encoded(c))).toList();
                String description = descriptions.get(alias);
                if (description == null) {
                    description = DescriptionCodec.encode(Certificates.describe(e.certificate(), null, false, false));
                }
                text.append(String.join(",", ders)).append('\t').append(description).append('\n');
            }
        });
        SecureFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] verifier(char[] password, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java runtime", e);
        }
    }
}
