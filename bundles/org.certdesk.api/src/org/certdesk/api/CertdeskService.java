package org.certdesk.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the console and the command line do. Methods that change something throw
 * {@link CertdeskException} with {@link CertdeskException.Reason#NOT_AUTHORIZED} for non-administrators, and
 * leave every store as it was when they fail.
 */
public interface CertdeskService {

    /** The user the service acts for, and whether that user may change anything. */
    String currentUser();

    boolean isAdministrator();

    /** Why the current user may not change anything, or empty for administrators. */
    Optional<String> readOnlyReason();

    List<UsageProfile> profiles();

    Usage usage(String usageId);

    List<UsageState> usageStates();

    ServerConfiguration serverConfiguration();

    List<Contribution> contributions();

    List<CaEntry> caEntries();

    List<CertificateInfo> list(StoreName store);

    /** Looks a certificate up by SHA-1 thumbprint (any case, colons allowed) in every store. */
    CertificateInfo find(String thumbprint);

    /** SANs the chosen usages' rules produce from the server configuration, and the subject they imply. */
    List<SubjectAltName> proposedSans(List<String> usageIds);

    String proposedSubject(List<String> usageIds);

    /** A friendly name that no certificate or request in the stores has yet. */
    String uniqueFriendlyName(String base);

    RequestOutcome request(RequestSpec spec, ProgressSink progress);

    List<PendingRequest> pendingRequests();

    /** Asks the CA again; issued → joined with its key in Personal, denied → recorded, else still pending. */
    RequestOutcome processPending(String pendingId, ProgressSink progress);

    /** Removes a pending request and discards its key. */
    void clearPending(String pendingId);

    /** Why {@code thumbprint} cannot serve {@code usageId}; empty when Assign would succeed. */
    List<String> assignmentProblems(String usageId, String thumbprint);

    void assign(String usageId, String thumbprint);

    /** Unassigns without deleting the certificate. */
    void remove(String usageId);

    /** The templates or profiles a CA entry offers, its default first. */
    List<String> templates(String caId);

    /** The root certificate of a CA that Certdesk can ask for it (the embedded local CA), for the admin to trust. */
    Optional<CertificateInfo> caRoot(String caId);

    /** Adds a self-signed CA certificate to the Trusted Root store (the admin has confirmed it). */
    void trustRoot(byte[] derCertificate);

    /** The certificates a PEM, DER or PKCS#7 file holds, described; nothing is imported (anyone may look). */
    List<CertificateInfo> inspect(Path file);

    /** Imports PEM or DER certificates (chains too); returns what was added or already present. */
    List<CertificateInfo> importCertificates(Path file, boolean trustRoots);

    /** Writes the certificate chain as PEM. */
    void exportPem(String thumbprint, Path file);

    /** Chain problems for a certificate (issuer not trusted, intermediate missing); empty when it is trusted. */
    List<String> trustProblems(String thumbprint);

    List<AuditEntry> auditLog();

    /** Reloads state written by another process (a second console, the command line). */
    void refresh();
}
