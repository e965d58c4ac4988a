package org.certdesk.spi;

import java.util.List;
import java.util.Map;

/**
 * A certificate request on its way to a CA.
 *
 * @param pkcs10 the DER-encoded PKCS#10 request, signed with the new key
 * @param template the CA's template or profile, or null for its default
 * @param usageEkus the EKU OIDs the chosen usages need (CAs that build the certificate from a template may
 *            use them)
 * @param credentials alternate credentials for this request only; never logged or stored by the connector
 */
public record CaRequest(byte[] pkcs10, String template, List<String> usageEkus, Map<String, char[]> credentials) {
}
