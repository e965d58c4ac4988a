package org.certdesk.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.certdesk.api.CertdeskService;
import org.certdesk.core.internal.DataFolder;
import org.certdesk.ui.internal.CertificateWizardPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The part on the service the console gets: the one org.certdesk.core registers through Declarative Services. */
class RegisteredServiceTest {

    @Test
    void thePartShowsTheUsagesOfTheRegisteredService() throws Exception {
        Path data = Path.of(System.getProperty("certdesk.data"));
        assertTrue(data.endsWith("data") && data.getParent().endsWith("target"),
                "the test data folder is under target/, not the user's: " + data);
        assertEquals(data, DataFolder.defaultLocation());

        BundleContext context = FrameworkUtil.getBundle(RegisteredServiceTest.class).getBundleContext();
        ServiceTracker<CertdeskService, CertdeskService> tracker = new ServiceTracker<>(context,
                CertdeskService.class, null);
        tracker.open();
        try {
            CertdeskService service = tracker.waitForService(20_000);
            assertNotNull(service, "org.certdesk.core registers CertdeskService");
            assertTrue(service.caEntries().stream().anyMatch(ca -> "local".equals(ca.id())), "the local CA exists");
            assertTrue(Files.isDirectory(data), "the service opened its data folder");

            Display display = Display.getDefault();
            Shell shell = new Shell(display);
            try {
                shell.setLayout(new FillLayout());
                shell.setSize(1100, 400);
                CertificateWizardPart part = new CertificateWizardPart();
                part.createControls(new Composite(shell, SWT.NONE), service);
                shell.open();
                Ui.waitUntil(display, () -> part.states().size() == 4, "the usages are listed");
                for (String usage : new String[] { "Default", "WebServicesInternal", "WebServicesExternal",
                        "OAuthTokenIssuer" }) {
                    assertNotNull(part.row(usage), usage);
                }
                Ui.screenshot(shell, "main-00-registered-service");
            } finally {
                shell.dispose();
                Ui.settle(display);
            }
        } finally {
            tracker.close();
        }
    }
}
