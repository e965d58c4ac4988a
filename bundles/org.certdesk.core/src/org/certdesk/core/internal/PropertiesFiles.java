package org.certdesk.core.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

import org.certdesk.api.CertdeskException;
import org.certdesk.spi.SecureFiles;

/** Small state files: UTF-8 properties, written atomically and owner-only. */
final class PropertiesFiles {
    private PropertiesFiles() {
    }

    static Properties read(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            // absent means empty
        } catch (IOException | IllegalArgumentException e) {
            throw new CertdeskException(CertdeskException.Reason.STORE_CORRUPT, "Cannot read " + file + ": "
                    + e.getMessage() + ". Nothing was changed.", e);
        }
        return p;
    }

    static void write(Path file, Properties p) {
        StringWriter text = new StringWriter();
        Properties sorted = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.util.Set<java.util.Map.Entry<Object, Object>> entrySet() {
                java.util.Set<java.util.Map.Entry<Object, Object>> entries = new java.util.TreeSet<>(
                        java.util.Comparator.comparing(e -> e.getKey().toString()));
                entries.addAll(super.entrySet());
                return entries;
            }
        };
        sorted.putAll(p);
        try {
            sorted.store(text, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SecureFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
