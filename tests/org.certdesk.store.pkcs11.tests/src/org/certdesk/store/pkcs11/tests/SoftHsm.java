package org.certdesk.store.pkcs11.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SoftHSM2 token in the test's own folder: the folder named by SOFTHSM2_CONF, which the test runtime gets
 * from its pom (SoftHSM reads it when SunPKCS11 loads the library, so it must be set before the runtime starts).
 */
final class SoftHsm {
    static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    static final String LABEL = "certdesk";
    static final String PIN = "1234";
    static final String SO_PIN = "12345678";

    private SoftHsm() {
    }

    /**
     * Installs SoftHSM2 and OpenSC when missing (as test.sh does), then makes a fresh, empty token in an empty
     * folder.
     */
    static Path freshToken() throws Exception {
        if (!Files.exists(Path.of(LIBRARY)) || !onPath("pkcs11-tool")) {
            run(List.of("apt-get", "install", "-y", "-q", "softhsm2", "opensc"));
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set: run these tests through Maven (see pom.xml).");
        }
        Path folder = Path.of(conf).getParent();
        Path tokens = folder.resolve("tokens");
        if (Files.exists(folder)) { // tokens, data folder and PIN files of an earlier run
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n");
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--so-pin", SO_PIN, "--pin", PIN));
        return folder;
    }

    /** What {@code pkcs11-tool -O} lists on the token, logged in. */
    static String objects() throws Exception {
        return run(List.of("pkcs11-tool", "--module", LIBRARY, "--token-label", LABEL, "-O", "--login", "--pin", PIN));
    }

    static long count(String listing, String kind) {
        return listing.lines().filter(l -> l.startsWith(kind)).count();
    }

    /** An owner-only PIN file. */
    static Path pinFile(Path dir, String pin) throws IOException {
        Path file = dir.resolve("token.pin");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, pin + "\n");
        return file;
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed (" + p.exitValue() + "): " + text);
        }
        return text;
    }

    private static boolean onPath(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":")));
        return dirs.stream().anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
