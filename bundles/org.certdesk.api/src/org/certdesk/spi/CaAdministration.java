package org.certdesk.spi;

import java.util.List;

/**
 * Implemented by connectors to CAs that Certdesk itself administers (the embedded local CA): the command
 * line uses it to approve or deny requests waiting for approval.
 */
public interface CaAdministration {

    record WaitingRequest(String requestId, String subject, java.time.Instant received) {
    }

    List<WaitingRequest> waitingRequests();

    void approve(String requestId);

    void deny(String requestId, String reason);

    /** The CA's root certificate, DER; the admin decides whether to trust it. */
    byte[] rootCertificate();
}
