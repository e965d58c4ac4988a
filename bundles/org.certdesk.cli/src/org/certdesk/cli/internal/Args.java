package org.certdesk.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certdesk.api.CertdeskException;
import org.certdesk.api.CertdeskException.Reason;

/** Options ({@code --name value}, repeatable, or flags) and positional words of one command. */
final class Args {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    Args(List<String> words, Set<String> flags, Set<String> valued) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--")) {
                String name = w.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= words.size()) {
                            throw new CertdeskException(Reason.INVALID_INPUT, "--" + name + " needs a value.");
                        }
                        value = words.get(++i);
                    }
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new CertdeskException(Reason.INVALID_INPUT, "Unknown option --" + name + ".");
                }
            } else {
                positional.add(w);
            }
        }
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String get(String name) {
        List<String> v = options.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new CertdeskException(Reason.INVALID_INPUT, "Missing " + what + ".");
        }
        return positional.get(index);
    }

    int positionalCount() {
        return positional.size();
    }
}
