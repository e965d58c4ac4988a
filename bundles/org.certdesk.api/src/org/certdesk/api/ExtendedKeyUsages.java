package org.certdesk.api;

import java.util.Map;

/** Well-known extended key usage object identifiers and their names. */
public final class ExtendedKeyUsages {
    public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    public static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    public static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";

    private static final Map<String, String> NAMES = Map.of(
            SERVER_AUTH, "serverAuth", CLIENT_AUTH, "clientAuth",
            CODE_SIGNING, "codeSigning", EMAIL_PROTECTION, "emailProtection");

    private ExtendedKeyUsages() {
    }

    /** Accepts either an OID or one of the short names above. */
    public static String toOid(String nameOrOid) {
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            if (e.getValue().equalsIgnoreCase(nameOrOid)) {
                return e.getKey();
            }
        }
        return nameOrOid;
    }

    public static String name(String oid) {
        return NAMES.getOrDefault(oid, oid);
    }
}
