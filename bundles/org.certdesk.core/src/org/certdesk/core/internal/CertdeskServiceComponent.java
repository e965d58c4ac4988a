package org.certdesk.core.internal;

import org.certdesk.api.CertdeskService;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Opens the user's data folder (see {@link DataFolder#defaultLocation()}) and registers the
 * {@link CertdeskService} for the console and the command line.
 */
public class CertdeskServiceComponent {
    private IExtensionRegistry registry;
    private CertdeskServiceImpl service;
    private ServiceRegistration<CertdeskService> registration;

    public void setRegistry(IExtensionRegistry registry) {
        this.registry = registry;
    }

    public void activate(BundleContext context) {
        service = CertdeskServiceImpl.open(new DataFolder(DataFolder.defaultLocation()), new Contributions(registry));
        registration = context.registerService(CertdeskService.class, service, null);
    }

    public void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (service != null) {
            service.close();
        }
    }
}
