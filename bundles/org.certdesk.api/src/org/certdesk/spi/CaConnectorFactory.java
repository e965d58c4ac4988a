package org.certdesk.spi;

import org.certdesk.api.CaEntry;

/** Creates connectors for the CA entries of one CA type. */
public interface CaConnectorFactory {

    /**
     * @param entry the CA entry's settings
     * @param context where the connector may keep its own files, and the store password to protect them
     */
    CaConnector create(CaEntry entry, ConnectorContext context);
}
