package org.certdesk.core.internal;

import org.certdesk.api.CertdeskService;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers the {@link CertdeskService} for the console. The data folder (see {@link DataFolder#defaultLocation()})
 * is opened when the service is first asked for, so that merely starting the runtime (the command line builds
 * its own instance) costs nothing.
 */
public class CertdeskServiceComponent {
    private IExtensionRegistry registry;
    private CertdeskServiceImpl service;
    private ServiceRegistration<?> registration;

    public void setRegistry(IExtensionRegistry registry) {
        this.registry = registry;
    }

    public void activate(BundleContext context) {
        registration = context.registerService(CertdeskService.class.getName(), new ServiceFactory<CertdeskService>() {
            @Override
            public CertdeskService getService(Bundle bundle, ServiceRegistration<CertdeskService> reg) {
                try {
                    return shared();
                } catch (RuntimeException e) {
                    // the framework logs the failure; the console then shows that the data folder cannot be opened
                    throw new IllegalStateException("Certdesk cannot open " + DataFolder.defaultLocation() + ": "
                            + e.getMessage(), e);
                }
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<CertdeskService> reg, CertdeskService s) {
                // one instance for every bundle, closed with the component
            }
        }, null);
    }

    private synchronized CertdeskServiceImpl shared() {
        if (service == null) {
            service = CertdeskServiceImpl.open(new DataFolder(DataFolder.defaultLocation()), new Contributions(registry));
        }
        return service;
    }

    public synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (service != null) {
            service.close();
        }
    }
}
