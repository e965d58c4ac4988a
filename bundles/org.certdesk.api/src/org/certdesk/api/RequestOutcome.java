package org.certdesk.api;

import java.util.List;

/**
 * What the request status page shows.
 *
 * @param certificate the issued certificate, joined to its key in the Personal store; null unless ISSUED
 * @param pendingId Certdesk's id for a pending request (also the CA's request id is shown); null otherwise
 * @param trustProblems why the certificate cannot be assigned yet (issuing root not trusted, intermediate
 *            missing); empty when it chains to a trusted root
 * @param log what happened, step by step, for the execution page's log
 */
public record RequestOutcome(RequestStatus status, CertificateInfo certificate, String pendingId,
        String caRequestId, String message, List<String> trustProblems, List<String> usageIds, List<String> log) {

    public RequestOutcome {
        trustProblems = List.copyOf(trustProblems);
        usageIds = List.copyOf(usageIds);
        log = List.copyOf(log);
    }

    public boolean assignable() {
        return status == RequestStatus.ISSUED && trustProblems.isEmpty();
    }
}
