package org.certdesk.ca.local.internal;

import org.certdesk.api.CaEntry;
import org.certdesk.spi.CaConnector;
import org.certdesk.spi.CaConnectorFactory;
import org.certdesk.spi.ConnectorContext;

/** Contributed through the caTypes extension point. */
public class LocalCaFactory implements CaConnectorFactory {
    @Override
    public CaConnector create(CaEntry entry, ConnectorContext context) {
        return new LocalCa(entry, context);
    }
}
