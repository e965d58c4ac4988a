package org.certdesk.store.pkcs11.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;

/**
 * Which token to use, from the {@code store.pkcs11.*} keys of {@code certdesk.properties}: {@code library} (the
 * PKCS#11 module), and {@code slotListIndex} (default 0) or {@code slot} (a slot id). The user PIN comes from
 * {@code $CERTDESK_PKCS11_PIN}, else from an owner-only file ({@code pinFile}, default {@code pkcs11.pin} in the
 * data folder): it is never a setting, so that it is not in a file others may read.
 */
public record TokenSettings(Path library, Integer slotListIndex, Long slot, Path pinFile) {
    static final String PIN_VARIABLE = "CERTDESK_PKCS11_PIN";
    static final String LIBRARY = "pkcs11.library";
    static final String SLOT_LIST_INDEX = "pkcs11.slotListIndex";
    static final String SLOT = "pkcs11.slot";
    static final String PIN_FILE = "pkcs11.pinFile";

    /** @param dataFolder where the default PIN file is */
    public static TokenSettings of(Map<String, String> settings, Path dataFolder) {
        String library = settings.get(LIBRARY);
        if (library == null || library.isBlank()) {
            throw new CertdeskException(Reason.INVALID_INPUT, "The PKCS#11 store needs the token's library: set "
                    + "store." + LIBRARY + " in certdesk.properties (certdesk store use pkcs11 library=PATH).");
        }
        Path libraryPath = Path.of(library.trim());
        if (!Files.isRegularFile(libraryPath)) {
            throw new CertdeskException(Reason.INVALID_INPUT, "The PKCS#11 library " + libraryPath
                    + " (store." + LIBRARY + ") does not exist.");
        }
        if (settings.containsKey(SLOT) && settings.containsKey(SLOT_LIST_INDEX)) {
            throw new CertdeskException(Reason.INVALID_INPUT, "Set either store." + SLOT + " or store."
                    + SLOT_LIST_INDEX + ", not both.");
        }
        Long slot = settings.containsKey(SLOT) ? number(SLOT, settings.get(SLOT)) : null;
        Integer index = slot != null ? null
                : Math.toIntExact(number(SLOT_LIST_INDEX, settings.getOrDefault(SLOT_LIST_INDEX, "0")));
        String pinFile = settings.get(PIN_FILE);
        return new TokenSettings(libraryPath, index, slot, pinFile == null || pinFile.isBlank()
                ? dataFolder.resolve("pkcs11.pin") : Path.of(pinFile.trim()));
    }

    private static long number(String key, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CertdeskException(Reason.INVALID_INPUT, "store." + key + " must be a number, not '" + value
                    + "'.");
        }
    }

    /** Where the token is, as messages name it. */
    String describe() {
        return library + (slot != null ? " slot " + slot : " slot list index " + slotListIndex);
    }

    /** The SunPKCS11 configuration: keys generated here are token objects that cannot be read out. */
    String sunPkcs11Configuration(String name) {
        return "--name = " + name + "\n"
                + "library = \"" + library.toAbsolutePath() + "\"\n"
                + (slot != null ? "slot = " + slot : "slotListIndex = " + slotListIndex) + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
                + "  CKA_TOKEN = true\n"
                + "  CKA_PRIVATE = true\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "}\n";
    }

    /** The user PIN: the environment first, else the owner-only PIN file. */
    char[] pin() {
        return pin(System.getenv());
    }

    /** @param environment the process's environment (tests pass their own) */
    public char[] pin(Map<String, String> environment) {
        String env = environment.get(PIN_VARIABLE);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        if (!Files.isRegularFile(pinFile)) {
            throw new CertdeskException(Reason.WRONG_PASSWORD, "No PIN for the PKCS#11 token (" + describe()
                    + "): set $" + PIN_VARIABLE + " or write it to " + pinFile + " (owner-only, mode 0600).");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(pinFile);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new CertdeskException(Reason.WRONG_PASSWORD, "The PIN file " + pinFile
                        + " may be read by others: make it owner-only (chmod 600) and change the PIN.");
            }
            byte[] bytes = Files.readAllBytes(pinFile);
            try {
                return new String(bytes, StandardCharsets.UTF_8).strip().toCharArray();
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        } catch (UnsupportedOperationException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot check who may read " + pinFile + ".", e);
        } catch (IOException e) {
            throw new CertdeskException(Reason.IO_ERROR, "Cannot read the PIN file " + pinFile + ": "
                    + e.getMessage(), e);
        }
    }
}
