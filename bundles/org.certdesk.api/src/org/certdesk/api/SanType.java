package org.certdesk.api;

/** The kinds of subject alternative name Certdesk requests and shows. */
public enum SanType {
    DNS, IP, EMAIL, URI;
}
