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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.StoreName;
import org.certdesk.crypto.internal.Certificates;
import org.certdesk.spi.SecureFiles;
import org.certdesk.spi.StoreEntry;

/**
 * The certificates of {@code stores.p12}, in the clear, so that listing a large store needs neither the
 * PKCS#12 decoding nor the keys. The index names the length and CRC-32C of the file it was made from and is used only
 * while that file is unchanged; otherwise the file itself is read and the index made again. It also holds a
 * PBKDF2 verifier of the store password, so that a wrong password is refused as early as with the file itself.
 * Certificates are public; the index is owner-only all the same, like everything in the store's folder.
 */
final class StoreIndex {
    private static final String MAGIC = "certdesk-store-index-2";
    private static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One parsed line: an entry's alias, its certificates and whether the store holds its key. */
    private record Line(String alias, List<X509Certificate> chain, boolean hasKey) {
    }

    private final Path file;
    private final String contentHash;

    StoreIndex(Path file, byte[] storeBytes) {
        this.file = file;
        // change detection, not security: whoever can rewrite these files can rewrite the index too
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(storeBytes);
        this.contentHash = storeBytes.length + "-" + Long.toHexString(crc.getValue());
    }

    /** The entries, or null when the index is missing, stale or unreadable (then read the store itself). */
    Map<StoreName, List<StoreEntry>> read(char[] password, Properties metadata, Supplier<CertdeskException> wrongPassword) {
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
            // parsing is most of the work: spread it over the cores, one factory per thread
            ThreadLocal<CertificateFactory> factories = ThreadLocal.withInitial(StoreIndex::factory);
            List<Line> parsed = lines.subList(1, lines.size()).parallelStream().map(line -> {
                String[] f = line.split("\t");
                if (f.length != 3 || FileCertificateStore.storeOfAlias(f[0]) == null) {
                    throw new IllegalArgumentException("malformed index line");
                }
                List<X509Certificate> chain = new ArrayList<>();
                for (String der : f[2].split(",")) {
                    try {
                        chain.add((X509Certificate) factories.get().generateCertificate(
                                new ByteArrayInputStream(b64.decode(der))));
                    } catch (GeneralSecurityException e) {
                        throw new IllegalArgumentException(e);
                    }
                }
                return new Line(f[0], chain, "k".equals(f[1]));
            }).toList();
            Map<StoreName, List<StoreEntry>> result = FileCertificateStore.emptyStores();
            for (Line line : parsed) {
                result.get(FileCertificateStore.storeOfAlias(line.alias()))
                        .add(FileCertificateStore.entry(line.alias(), line.chain(), line.hasKey(), metadata));
            }
            return result;
        } catch (IllegalArgumentException | ClassCastException e) {
            return null; // a damaged index is only a slower start
        }
    }

    private static CertificateFactory factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void write(char[] password, Map<StoreName, List<StoreEntry>> entries) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder text = new StringBuilder(MAGIC).append(' ').append(contentHash).append(' ')
                .append(b64.encodeToString(salt)).append(' ').append(b64.encodeToString(verifier(password, salt)))
                .append('\n');
        entries.forEach((store, list) -> {
            for (StoreEntry e : list) {
                text.append(FileCertificateStore.alias(store, Certificates.sha1(e.certificate()))).append('\t')
                        .append(e.hasPrivateKey() ? "k" : "c").append('\t');
                List<String> ders = e.chain().stream().map(c -> b64.encodeToString(Certificates.encoded(c))).toList();
                text.append(String.join(",", ders)).append('\n');
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
