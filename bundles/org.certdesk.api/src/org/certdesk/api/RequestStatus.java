package org.certdesk.api;

/** Where a request stands with its CA. */
public enum RequestStatus {
    ISSUED, PENDING, DENIED, FAILED;
}
