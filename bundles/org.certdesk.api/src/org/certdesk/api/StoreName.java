package org.certdesk.api;

/** The machine stores a server keeps, as on a server's certificate manager. */
public enum StoreName {
    /** Certificates with their private keys: what usages are assigned from. */
    PERSONAL,
    /** Intermediate CA certificates used to build chains. */
    INTERMEDIATE,
    /** Trusted root CA certificates: chains must end here. */
    TRUSTED_ROOT,
    /** Private keys of requests not yet answered by their CA. */
    REQUEST;
}
