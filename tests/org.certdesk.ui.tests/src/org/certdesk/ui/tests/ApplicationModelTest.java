package org.certdesk.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.certdesk.ui.internal.CertificateWizardPart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The application model wires each of the seven actions to a handler, a key, the menu and the tool bar. */
class ApplicationModelTest {
    private static final List<String> ACTIONS = List.of("request", "assign", "remove", "view", "refresh",
            "importCertificate", "processPending");
    private static Bundle app;
    private static Document model;
    private static String xmi;

    @BeforeAll
    static void read() throws Exception {
        for (Bundle b : FrameworkUtil.getBundle(ApplicationModelTest.class).getBundleContext().getBundles()) {
            if ("org.certdesk.app".equals(b.getSymbolicName())) {
                app = b;
            }
        }
        assertNotNull(app, "org.certdesk.app is installed");
        URL url = app.getEntry("Application.e4xmi");
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            xmi = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            model = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(bytes));
        }
    }

    private static List<Element> all(String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = model.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static Class<?> contributed(String uri) throws ClassNotFoundException {
        assertTrue(uri.startsWith("bundleclass://org.certdesk.ui/"), uri);
        return CertificateWizardPart.class.getClassLoader()
                .loadClass(uri.substring("bundleclass://org.certdesk.ui/".length()));
    }

    @Test
    void everyActionHasAHandlerAKeyAMenuItemAndAToolItem() throws Exception {
        List<String> keys = new ArrayList<>();
        for (String action : ACTIONS) {
            Element command = all("commands").stream()
                    .filter(c -> c.getAttribute("elementId").equals("org.certdesk.ui.command." + action)).findFirst()
                    .orElseThrow(() -> new AssertionError("no command for " + action));
            String id = command.getAttribute("xmi:id");
            Element handler = all("handlers").stream().filter(h -> h.getAttribute("command").equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no handler for " + action));
            assertNotNull(contributed(handler.getAttribute("contributionURI")));
            Element binding = all("bindings").stream().filter(k -> k.getAttribute("command").equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no key for " + action));
            keys.add(binding.getAttribute("keySequence"));
            assertEquals(2, all("children").stream().filter(c -> c.getAttribute("command").equals(id)).count(),
                    action + " is in the menu and on the tool bar");
        }
        assertEquals(keys.size(), keys.stream().distinct().count(), "no two actions share a key: " + keys);
    }

    @Test
    void theWindowIsTitledCertdeskAndShowsThePart() throws Exception {
        Element window = all("children").stream().filter(c -> c.getAttribute("xsi:type").equals("basic:TrimmedWindow"))
                .findFirst().orElseThrow();
        Properties en = properties("OSGI-INF/l10n/bundle.properties");
        assertEquals("Certdesk", en.getProperty(window.getAttribute("label").substring(1)));
        Element part = all("children").stream().filter(c -> c.getAttribute("xsi:type").equals("basic:Part"))
                .findFirst().orElseThrow();
        assertEquals(CertificateWizardPart.class, contributed(part.getAttribute("contributionURI")));
    }

    @Test
    void everyLabelIsTranslated() throws Exception {
        Properties en = properties("OSGI-INF/l10n/bundle.properties");
        Properties fr = properties("OSGI-INF/l10n/bundle_fr.properties");
        Matcher m = Pattern.compile("\"%([\\w.]+)\"").matcher(xmi);
        List<String> used = new ArrayList<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertFalse(used.isEmpty());
        for (String key : used) {
            assertNotNull(en.getProperty(key), key + " in English");
            assertNotNull(fr.getProperty(key), key + " in French");
        }
    }

    private static Properties properties(String path) throws Exception {
        Properties p = new Properties();
        URL url = app.getEntry(path);
        assertNotNull(url, path);
        try (InputStream in = url.openStream()) {
            p.load(in);
        }
        return p;
    }
}
