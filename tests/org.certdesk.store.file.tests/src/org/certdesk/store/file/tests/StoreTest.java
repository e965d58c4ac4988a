package org.certdesk.store.file.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;
import org.certdesk.api.KeySpec;
import org.certdesk.api.StoreName;
import org.certdesk.crypto.internal.CertificateIssuer;
import org.certdesk.crypto.internal.KeyPairs;
import org.certdesk.spi.CertificateStore;
import org.certdesk.spi.FileLocks;
import org.certdesk.spi.StoreEntry;
import org.certdesk.store.file.internal.FileStoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

class StoreTest {
    static final char[] PASSWORD = "s3cret-store-pw".toCharArray();

    @TempDir
    Path dir;

    private static StoreEntry entry(String name, boolean withKey) {
        var keys = KeyPairs.generate(KeySpec.EC_P256);
        return new StoreEntry(name, List.of(CertificateIssuer.placeholder(keys, name)), withKey ? keys.getPrivate() : null,
                true);
    }

    private static String run(Path cwd, List<String> command, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command + ":\n" + out);
        return out;
    }

    @Test
    void keysAreEncryptedWithPbes2Aes256AndStoreIsReadByOpensslAndKeytool() throws Exception {
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            store.update(ed -> {
                ed.put(StoreName.PERSONAL, entry("web server", true));
                ed.put(StoreName.TRUSTED_ROOT, entry("some root", false));
            });
        }
        Path file = dir.resolve("stores.p12");
        String pw = new String(PASSWORD);
        String info = run(dir, List.of("openssl", "pkcs12", "-info", "-in", file.toString(), "-passin", "env:PW",
                "-noout"), "PW", pw);
        assertTrue(info.contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC"), info);
        assertTrue(info.contains("PRF hmacWithSHA256"), info);
        assertFalse(info.contains("RC2") || info.contains("3DES") || info.contains("pbeWithSHA1"), info);
        assertTrue(info.contains("MAC: sha256"), info);
        String list = run(dir, List.of("keytool", "-list", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass:env", "PW"), "PW", pw);
        assertTrue(list.contains("2 entries"), list);
        assertTrue(list.contains("PrivateKeyEntry") && list.contains("trustedCertEntry"), list);
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("PRIVATE KEY"));
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        try (CertificateStore store = new FileStoreProvider().open(dir.resolve("s"), PASSWORD)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("s"))));
            store.update(ed -> ed.put(StoreName.PERSONAL, entry("a", true)));
        }
        for (String f : List.of("stores.p12", "entries.properties", "stores.index", ".lock")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("s/" + f))), f);
        }
    }

    @Test
    void namesAndExportableFlagSurviveReopen() {
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            store.update(ed -> ed.put(StoreName.REQUEST, entry("Nom: été = ok", true)));
        }
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            StoreEntry e = store.entries(StoreName.REQUEST).get(0);
            assertEquals("Nom: été = ok", e.friendlyName());
            assertTrue(e.exportable());
            assertTrue(e.hasPrivateKey());
            assertEquals(null, e.privateKey(), "keys stay encrypted until asked for");
            assertNotNull(store.privateKey(StoreName.REQUEST, org.certdesk.crypto.internal.Certificates.sha1(e.certificate())));
        }
    }

    @Test
    void wrongPasswordAndDamagedFilesAreRefusedAndLeftAlone() throws Exception {
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            store.update(ed -> ed.put(StoreName.PERSONAL, entry("a", true)));
        }
        byte[] good = Files.readAllBytes(dir.resolve("stores.p12"));
        CertdeskException wrong = assertThrows(CertdeskException.class,
                () -> new FileStoreProvider().open(dir, "nope".toCharArray()));
        assertEquals(Reason.WRONG_PASSWORD, wrong.reason());
        assertFalse(wrong.getMessage().contains("nope"));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 3);
        Files.write(dir.resolve("stores.p12"), truncated);
        assertEquals(Reason.STORE_CORRUPT, assertThrows(CertdeskException.class,
                () -> new FileStoreProvider().open(dir, PASSWORD)).reason());
        assertArrayEquals(truncated, Files.readAllBytes(dir.resolve("stores.p12")));
    }

    @Test
    void failedChangeWritesNothing() throws Exception {
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            store.update(ed -> ed.put(StoreName.PERSONAL, entry("a", true)));
            byte[] before = Files.readAllBytes(dir.resolve("stores.p12"));
            assertThrows(IllegalStateException.class, () -> store.update(ed -> {
                ed.put(StoreName.PERSONAL, entry("b", true));
                throw new IllegalStateException("refused half-way");
            }));
            assertArrayEquals(before, Files.readAllBytes(dir.resolve("stores.p12")));
            assertEquals(1, store.entries(StoreName.PERSONAL).size());
        }
    }

    @Test
    void indexIsUsedOnlyForTheFileItWasMadeFrom() throws Exception {
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            store.update(ed -> ed.put(StoreName.PERSONAL, entry("first", true)));
        }
        byte[] oldIndex = Files.readAllBytes(dir.resolve("stores.index"));
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            store.update(ed -> ed.put(StoreName.PERSONAL, entry("second", false)));
        }
        Files.write(dir.resolve("stores.index"), oldIndex); // stale: made from the previous file
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            assertEquals(2, store.entries(StoreName.PERSONAL).size(), "the file wins over a stale index");
        }
        assertFalse(java.util.Arrays.equals(oldIndex, Files.readAllBytes(dir.resolve("stores.index"))),
                "the index is made again");
        Files.writeString(dir.resolve("stores.index"), "garbage\n");
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            StoreEntry first = store.entries(StoreName.PERSONAL).stream().filter(e -> e.friendlyName().equals("first"))
                    .findFirst().orElseThrow();
            assertTrue(first.hasPrivateKey());
            assertNotNull(store.privateKey(StoreName.PERSONAL,
                    org.certdesk.crypto.internal.Certificates.sha1(first.certificate())));
        }
        // with a good index in place, a wrong password is still refused at open
        assertEquals(Reason.WRONG_PASSWORD, assertThrows(CertdeskException.class,
                () -> new FileStoreProvider().open(dir, "wrong".toCharArray())).reason());
        assertTrue(Files.readString(dir.resolve("stores.index")).startsWith("certdesk-store-index-3 "));
    }

    @Test
    void descriptionsFromTheIndexAreWhatTheCertificatesSay() throws Exception {
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            store.update(ed -> {
                ed.put(StoreName.PERSONAL, entry("Serveur d'\u00e9t\u00e9; a,b", true));
                ed.put(StoreName.PERSONAL, entry("second", false));
            });
        }
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            List<org.certdesk.api.CertificateInfo> described = store.descriptions(StoreName.PERSONAL).orElseThrow();
            assertEquals(2, described.size());
            for (StoreEntry e : store.entries(StoreName.PERSONAL)) {
                org.certdesk.api.CertificateInfo expected = org.certdesk.crypto.internal.Certificates.describe(
                        e.certificate(), e.friendlyName(), e.hasPrivateKey(), e.exportable());
                org.certdesk.api.CertificateInfo actual = described.stream()
                        .filter(d -> d.sha1Thumbprint().equals(expected.sha1Thumbprint())).findFirst().orElseThrow();
                assertTrue(java.util.Arrays.equals(expected.encoded(), actual.encoded()));
                assertEquals(expected.withStoreFacts(null, false, false).toString().replaceAll("encoded=\\[B@\\w+", ""),
                        actual.withStoreFacts(null, false, false).toString().replaceAll("encoded=\\[B@\\w+", ""));
                assertEquals(expected.friendlyName(), actual.friendlyName());
                assertEquals(expected.hasPrivateKey(), actual.hasPrivateKey());
                assertEquals(expected.exportable(), actual.exportable());
            }
        }
        Files.writeString(dir.resolve("stores.index"), "garbage\n"); // no index: the caller describes the entries
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            assertTrue(store.descriptions(StoreName.PERSONAL).isEmpty());
        }
    }

    /** The classpath for a second JVM: the store's bundles and Bouncy Castle, taken from this OSGi runtime. */
    private static String childClasspath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(StoreChild.class, CertdeskException.class, KeyPairs.class, FileStoreProvider.class,
                org.bouncycastle.cert.X509CertificateHolder.class, org.bouncycastle.util.Arrays.class)) {
            File f = bundleFile(FrameworkUtil.getBundle(c));
            if (f.isDirectory() && new File(f, "target/classes").isDirectory()) {
                f = new File(f, "target/classes");
            }
            entries.add(f.getAbsolutePath());
        }
        for (Bundle b : FrameworkUtil.getBundle(StoreTest.class).getBundleContext().getBundles()) {
            if (b.getSymbolicName().startsWith("bc")) {
                entries.add(bundleFile(b).getAbsolutePath());
            }
        }
        return String.join(File.pathSeparator, new HashSet<>(entries));
    }

    private static File bundleFile(Bundle b) {
        try {
            return org.eclipse.core.runtime.FileLocator.getBundleFileLocation(b).orElseThrow().getCanonicalFile();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final Path CHILD_ERRORS = Path.of(System.getProperty("java.io.tmpdir"), "certdesk-store-child.err");

    private static String childErrors() throws java.io.IOException {
        return "child stderr:\n" + Files.readString(CHILD_ERRORS) + "\nclasspath: " + childClasspath();
    }

    private static Process child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", childClasspath(), StoreChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(CHILD_ERRORS.toFile()).start();
    }

    @Test
    void killedWriterLosesNothingItHadCommitted() throws Exception {
        Random random = new Random(42);
        Set<String> committed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 4; round++) {
            Process p = child("write", dir.toString(), "r" + round);
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            Thread reader = new Thread(() -> {
                // reads "committed" lines as they come, until the kill closes the pipe
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null;) {
                        if (line.startsWith("committed ")) {
                            committed.add(line.substring("committed ".length()));
                            started.countDown();
                        }
                    }
                } catch (java.io.IOException closedByKill) {
                    // expected
                }
            });
            reader.start();
            assertTrue(started.await(60, TimeUnit.SECONDS), childErrors());
            Thread.sleep(random.nextInt(400));
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(10_000);
            try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
                Set<String> names = new HashSet<>();
                store.entries(StoreName.PERSONAL).forEach(e -> names.add(e.friendlyName()));
                assertTrue(names.containsAll(committed), "lost: " + committed.stream().filter(n -> !names.contains(n)).toList());
            }
        }
        assertTrue(committed.size() >= 4);
    }

    @Test
    void anotherProcessHoldingTheLockSerializesOrRefusesChanges() throws Exception {
        try (CertificateStore store = new FileStoreProvider().open(dir, PASSWORD)) {
            Process holder = child("hold", dir.toString(), "2500");
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", lines.readLine(), childErrors());
            CertdeskException refused = assertThrows(CertdeskException.class, () -> FileLocks.withLock(
                    dir.resolve(".lock"), Duration.ofMillis(300), () -> null));
            assertEquals(Reason.STORE_LOCKED, refused.reason());
            long start = System.nanoTime();
            store.update(ed -> ed.put(StoreName.PERSONAL, entry("after the other process", true)));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("released", lines.readLine());
            assertTrue(waitedMillis >= 1000, "the update waited for the other process: " + waitedMillis + " ms");
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            assertEquals(1, store.entries(StoreName.PERSONAL).size());
        }
    }
}
