package org.netzerocities.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code nzc.json.*} (env {@code NZC_JSON_MAX_DEPTH}, ...): the largest JSON request body a service parses. A body
 * beyond any of them is answered 400 while it is read, before it is bound, so that neither a deeply nested nor a
 * huge body costs the service more than reading this much; the gateway then need not buffer bodies to check them.
 *
 * @param maxDepth        nesting of objects and arrays; the deepest request of the API is a handful of levels
 * @param maxStringLength characters of one string value (a name or a value); the longest text field accepts 50,000
 * @param maxDocumentSize bytes of the whole body
 */
@ConfigurationProperties("nzc.json")
public record JsonLimitsProperties(@DefaultValue("32") int maxDepth, @DefaultValue("100000") int maxStringLength,
        @DefaultValue("1MB") DataSize maxDocumentSize) {
}
