package org.certdesk.spi;

import java.util.List;

import org.certdesk.api.RequestStatus;

/**
 * A CA's answer.
 *
 * @param chain DER certificates, leaf first, then the issuers the CA sent; empty unless ISSUED
 * @param requestId the CA's own id for the request (needed to ask again when PENDING)
 * @param message the CA's words, shown to the administrator (e.g. why it denied the request)
 */
public record CaResponse(RequestStatus status, List<byte[]> chain, String requestId, String message) {
    public static CaResponse issued(String requestId, List<byte[]> chain) {
        return new CaResponse(RequestStatus.ISSUED, List.copyOf(chain), requestId, null);
    }

    public static CaResponse pending(String requestId, String message) {
        return new CaResponse(RequestStatus.PENDING, List.of(), requestId, message);
    }

    public static CaResponse denied(String requestId, String message) {
        return new CaResponse(RequestStatus.DENIED, List.of(), requestId, message);
    }
}
