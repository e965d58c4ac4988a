package org.certdesk.store.file.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.certdesk.api.KeySpec;
import org.certdesk.api.StoreName;
import org.certdesk.crypto.internal.CertificateIssuer;
import org.certdesk.crypto.internal.KeyPairs;
import org.certdesk.spi.CertificateStore;
import org.certdesk.spi.FileLocks;
import org.certdesk.spi.StoreEntry;
import org.certdesk.store.file.internal.FileStoreProvider;

/**
 * Runs in a second JVM, as a second console or command line would: {@code write DIR} adds entries one by one and
 * prints {@code committed NAME} after each update returns; {@code hold DIR MILLIS} holds the store's lock.
 */
public final class StoreChild {
    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("hold")) {
            FileLocks.withLock(dir.resolve(".lock"), () -> {
                System.out.println("locked");
                System.out.flush();
                try {
                    Thread.sleep(Long.parseLong(args[2]));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            System.out.println("released");
            return;
        }
        try (CertificateStore store = new FileStoreProvider().open(dir, StoreTest.PASSWORD)) {
            for (int i = 0;; i++) {
                var keys = KeyPairs.generate(KeySpec.EC_P256);
                String name = args[2] + "-" + i;
                var cert = CertificateIssuer.placeholder(keys, name);
                store.update(ed -> ed.put(StoreName.PERSONAL, new StoreEntry(name, List.of(cert), keys.getPrivate(),
                        false)));
                System.out.println("committed " + name);
                System.out.flush();
                if (i > 10_000) {
                    Thread.sleep(Duration.ofSeconds(1));
                }
            }
        }
    }
}
