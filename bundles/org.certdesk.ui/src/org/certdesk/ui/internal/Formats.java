package org.certdesk.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.certdesk.api.KeyUsage;

/** How the console writes dates and key usages: in the user's language and time zone. */
final class Formats {
    private Formats() {
    }

    static String date(Instant when) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault()).format(when);
    }

    static String dateTime(Instant when) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault())
                .format(when);
    }

    /** RFC 5280 names: {@code digitalSignature, keyEncipherment}. */
    static String keyUsages(Collection<KeyUsage> usages) {
        return usages.stream().sorted().map(Formats::rfcName).collect(Collectors.joining(", "));
    }

    private static String rfcName(KeyUsage usage) {
        String[] words = usage.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }
}
