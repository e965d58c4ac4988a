package org.certdesk.ui.internal.wizard;

import java.util.ArrayList;
import java.util.List;

import org.certdesk.api.KeySpec;
import org.certdesk.api.RequestOutcome;
import org.certdesk.api.RequestSpec;
import org.certdesk.api.SubjectAltName;

/** What the Request wizard's pages collect, in one place, and the command line that does the same. */
public final class RequestModel {
    String caId = "local";
    String template;
    final List<String> usageIds = new ArrayList<>();
    String friendlyName = "";
    KeySpec keySpec = KeySpec.RSA_2048;
    boolean exportable;
    /** Set by Cancel; the running request checks it before it keeps a key or sends anything. */
    volatile boolean canceled;
    String organization = "";
    String organizationalUnit = "";
    String country = "";
    String state = "";
    String city = "";
    final List<SubjectAltName> extraSans = new ArrayList<>();
    RequestOutcome outcome;

    RequestSpec toSpec() {
        return new RequestSpec(usageIds, caId, blankToNull(template), blankToNull(friendlyName), keySpec, exportable,
                blankToNull(organization), blankToNull(organizationalUnit), blankToNull(country), blankToNull(state),
                blankToNull(city), null, extraSans);
    }

    /** The {@code certdesk request} invocation that makes the same request, for scripts. */
    String command() {
        StringBuilder b = new StringBuilder("certdesk request");
        usageIds.forEach(u -> b.append(" --usage ").append(u));
        b.append(" --ca ").append(quote(caId));
        append(b, "template", template);
        append(b, "name", friendlyName);
        b.append(" --key ").append(keySpec.label());
        if (exportable) {
            b.append(" --exportable");
        }
        append(b, "org", organization);
        append(b, "ou", organizationalUnit);
        append(b, "country", country);
        append(b, "state", state);
        append(b, "city", city);
        extraSans.forEach(s -> b.append(" --san ").append(quote(s.toString())));
        return b.append(" --assign").toString();
    }

    private static void append(StringBuilder b, String option, String value) {
        if (value != null && !value.isBlank()) {
            b.append(" --").append(option).append(' ').append(quote(value));
        }
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9._:@/-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public RequestOutcome outcome() {
        return outcome;
    }
}
