package org.certdesk.api;

import java.util.List;

/**
 * One row of the main page: a usage, the certificate assigned to it (or null), and what is wrong, if anything.
 *
 * @param problems requirement failures of the assigned certificate; empty when it is fine
 */
public record UsageState(Usage usage, CertificateInfo assigned, List<String> problems) {
    public UsageState {
        problems = List.copyOf(problems);
    }

    public boolean isAssigned() {
        return assigned != null;
    }
}
