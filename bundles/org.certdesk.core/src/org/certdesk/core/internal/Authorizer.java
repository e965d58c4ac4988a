package org.certdesk.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Who the console acts for and whether that user may change anything: root, or a member of the admin group.
 */
public final class Authorizer {
    public static final String DEFAULT_ADMIN_GROUP = "certdesk-admins";

    /** An operating-system identity. */
    public record Identity(String user, boolean superuser, List<String> groups) {
        public Identity {
            groups = List.copyOf(groups);
        }
    }

    private final Identity identity;
    private final String adminGroup;

    public Authorizer(Identity identity, String adminGroup) {
        this.identity = identity;
        this.adminGroup = adminGroup == null || adminGroup.isBlank() ? DEFAULT_ADMIN_GROUP : adminGroup.trim();
    }

    public String user() {
        return identity.user();
    }

    public boolean isAdministrator() {
        return identity.superuser() || identity.groups().contains(adminGroup);
    }

    public Optional<String> readOnlyReason() {
        return isAdministrator() ? Optional.empty()
                : Optional.of("You (" + identity.user() + ") are not a member of the administrators' group '"
                        + adminGroup + "': you can look, but only its members can change certificates.");
    }

    public void check(String action) {
        if (!isAdministrator()) {
            throw new org.certdesk.api.CertdeskException(org.certdesk.api.CertdeskException.Reason.NOT_AUTHORIZED,
                    "Cannot " + action + ": " + readOnlyReason().orElseThrow());
        }
    }

    /** The identity of this process, as {@code id} reports it (so NSS/LDAP groups count too). */
    public static Identity current() {
        String user = System.getProperty("user.name");
        try {
            boolean superuser = "0".equals(run("id", "-u").trim());
            List<String> groups = List.of(run("id", "-Gn").trim().split("\\s+"));
            return new Identity(user, superuser, groups);
        } catch (IOException e) {
            return new Identity(user, false, List.of()); // unknown groups: read-only, never more
        }
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
