package org.certdesk.spi;

import java.nio.file.Path;

/**
 * What Certdesk hands a CA connector.
 *
 * @param dataDirectory a folder of its own for this CA entry (created, 0700)
 * @param secret a secret to encrypt what the connector keeps there; never log it
 */
public record ConnectorContext(Path dataDirectory, char[] secret) {
}
