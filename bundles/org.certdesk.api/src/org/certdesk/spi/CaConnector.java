package org.certdesk.spi;

import java.util.List;

import org.certdesk.api.ProgressSink;

/**
 * Talks to one CA entry. CA types contribute a {@link CaConnectorFactory} through the
 * {@code org.certdesk.core.caTypes} extension point.
 */
public interface CaConnector {

    /** Templates or profiles the CA offers; the first is its default. */
    List<String> templates();

    CaResponse submit(CaRequest request, ProgressSink progress);

    /** Asks again about a request the CA left pending. */
    CaResponse retrieve(String requestId, ProgressSink progress);
}
