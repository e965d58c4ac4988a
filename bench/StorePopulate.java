import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.certdesk.api.KeySpec;
import org.certdesk.api.StoreName;
import org.certdesk.crypto.internal.CertificateIssuer;
import org.certdesk.crypto.internal.CertificateTemplate;
import org.certdesk.crypto.internal.KeyPairs;
import org.certdesk.spi.CertificateStore;
import org.certdesk.spi.StoreEntry;
import org.certdesk.store.file.internal.FileStoreProvider;

/**
 * Fills a Certdesk store with N issued certificates (Personal, each with its key) for the store benchmark:
 * java -cp ... bench/StorePopulate.java STORE_DIR N (password from $CERTDESK_STORE_PASSWORD).
 */
public class StorePopulate {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        char[] password = System.getenv("CERTDESK_STORE_PASSWORD").toCharArray();
        var caKeys = KeyPairs.generate(KeySpec.EC_P256);
        var ca = CertificateIssuer.selfSignedRoot(caKeys, "CN=Bench Root CA", java.time.Duration.ofDays(3650));
        // one key pair for all leaves: key generation is not what is measured, and listing never reads keys
        var leafKeys = KeyPairs.generate(KeySpec.EC_P256);
        List<StoreEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var cert = CertificateIssuer.issue("CN=host" + i + ".bench.example.com,O=Bench", leafKeys.getPublic(),
                    List.of(org.certdesk.api.SubjectAltName.dns("host" + i + ".bench.example.com")), ca,
                    caKeys.getPrivate(), CertificateTemplate.endEntity("bench", java.time.Duration.ofDays(397),
                            java.util.Set.of(org.certdesk.api.ExtendedKeyUsages.SERVER_AUTH), false));
            entries.add(new StoreEntry("bench " + i, List.of(cert), i % 10 == 0 ? leafKeys.getPrivate() : null, false));
        }
        try (CertificateStore store = new FileStoreProvider().open(dir, password)) {
            store.update(ed -> entries.forEach(e -> ed.put(StoreName.PERSONAL, e)));
            System.out.println(store.entries(StoreName.PERSONAL).size() + " certificates in " + dir);
        }
    }
}
