package org.certdesk.api;

import java.time.Instant;

/** One line of the append-only audit log: who did what, when. */
public record AuditEntry(Instant when, String user, String action, String detail) {
}
