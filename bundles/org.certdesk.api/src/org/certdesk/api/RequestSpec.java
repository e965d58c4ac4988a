package org.certdesk.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the Request wizard (or {@code certdesk request}) collects.
 *
 * @param usageIds the usages the certificate is for; they set its requirements and SANs
 * @param caId the CA entry to send the request to
 * @param template the CA's template or profile name, or null for the CA's default
 * @param friendlyName null or blank to have one generated
 * @param subjectCommonName null to take it from the usages' SAN rules
 * @param extraSans names added by the administrator beyond those from the usage rules
 * @param credentials alternate CA credentials for this request (EAB key, CMP secret, SCEP challenge, user name and
 *            password...), keyed by the CA type's setting keys; never logged
 * @param rememberCredentials keep the credentials in secure storage for the next request to this CA
 * @param offlineRequestFile where to write the PKCS#10 request when it is prepared now and sent to the CA later,
 *            or null to send it now
 */
public record RequestSpec(List<String> usageIds, String caId, String template, String friendlyName, KeySpec keySpec,
        boolean exportable, String organization, String organizationalUnit, String country, String state,
        String city, String subjectCommonName, List<SubjectAltName> extraSans, Map<String, char[]> credentials,
        boolean rememberCredentials, Path offlineRequestFile) {

    public RequestSpec {
        usageIds = List.copyOf(usageIds);
        extraSans = List.copyOf(extraSans);
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }

    /** A request sent now, without alternate credentials. */
    public RequestSpec(List<String> usageIds, String caId, String template, String friendlyName, KeySpec keySpec,
            boolean exportable, String organization, String organizationalUnit, String country, String state,
            String city, String subjectCommonName, List<SubjectAltName> extraSans) {
        this(usageIds, caId, template, friendlyName, keySpec, exportable, organization, organizationalUnit, country,
                state, city, subjectCommonName, extraSans, Map.of(), false, null);
    }

    /** True when the request is written to a file for an offline CA instead of being sent. */
    public boolean offline() {
        return offlineRequestFile != null;
    }

    /** The credentials are not part of the text, so that a logged request shows no secret. */
    @Override
    public String toString() {
        return "RequestSpec[usages=" + usageIds + ", ca=" + caId + ", template=" + template + ", name=" + friendlyName
                + ", key=" + keySpec + ", offline=" + offline() + ", credentials=" + credentials.keySet() + "]";
    }
}
