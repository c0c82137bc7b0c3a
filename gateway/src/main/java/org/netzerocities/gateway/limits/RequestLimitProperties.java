package org.netzerocities.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code nzc.gateway.max-body-size}: the largest request body the gateway passes on (413 beyond it). It is checked
 * against {@code Content-Length} before anything is read, and counted as a body without one streams through, so
 * the gateway never buffers a body. The services limit what they parse themselves (JSON depth, strings, size).
 */
@ConfigurationProperties("nzc.gateway")
public record RequestLimitProperties(DataSize maxBodySize) {
}
