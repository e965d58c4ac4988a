package org.certdesk.api;

import java.time.Instant;
import java.util.List;

/** A request the CA has not answered yet. Kept on disk so that it survives restarts. */
public record PendingRequest(String id, String caId, String caRequestId, List<String> usageIds, String friendlyName,
        Instant submitted, Instant lastChecked, RequestStatus status, String message) {

    public PendingRequest {
        usageIds = List.copyOf(usageIds);
    }

    public PendingRequest checked(Instant when, RequestStatus newStatus, String newMessage) {
        return new PendingRequest(id, caId, caRequestId, usageIds, friendlyName, submitted, when, newStatus,
                newMessage);
    }
}
