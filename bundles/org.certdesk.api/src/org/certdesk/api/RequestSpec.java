package org.certdesk.api;

import java.util.List;

/**
 * Everything the Request wizard (or {@code certdesk request}) collects.
 *
 * @param usageIds the usages the certificate is for; they set its requirements and SANs
 * @param caId the CA entry to send the request to
 * @param template the CA's template or profile name, or null for the CA's default
 * @param friendlyName null or blank to have one generated
 * @param subjectCommonName null to take it from the usages' SAN rules
 * @param extraSans names added by the administrator beyond those from the usage rules
 */
public record RequestSpec(List<String> usageIds, String caId, String template, String friendlyName, KeySpec keySpec,
        boolean exportable, String organization, String organizationalUnit, String country, String state,
        String city, String subjectCommonName, List<SubjectAltName> extraSans) {

    public RequestSpec {
        usageIds = List.copyOf(usageIds);
        extraSans = List.copyOf(extraSans);
    }
}
