package org.certdesk.api;

/**
 * A failure an administrator can act on. The message is meant for people and never carries a secret.
 */
public class CertdeskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an operation was refused; the command line maps each to an exit code. */
    public enum Reason {
        INVALID_INPUT(2), NOT_AUTHORIZED(3), UNKNOWN_USAGE(4), UNKNOWN_CERTIFICATE(5), NO_PRIVATE_KEY(6),
        REQUIREMENT_FAILED(7), UNTRUSTED_CHAIN(8), STORE_CORRUPT(9), WRONG_PASSWORD(10), STORE_LOCKED(11),
        CA_ERROR(12), DENIED(13), IO_ERROR(14), CANCELED(15);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Reason reason;

    public CertdeskException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CertdeskException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
