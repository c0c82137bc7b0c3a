package org.netzerocities.gateway.limits;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.netzerocities.gateway.errors.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * X-Forwarded headers the gateway passes on (from trusted proxies) must be well formed: a service builds the
 * absolute URLs it answers from them and refuses a malformed port, host or scheme with a bare 400, so the gateway
 * answers such a request itself, with a problem naming the header, and the service never sees it.
 */
class ForwardedHeadersCheck implements WebFilter, Ordered {

    private static final String PORT = "(?<port>\\d{1,5})";
    private static final int MAX_PORT = 65_535;
    /** The port group, never matched: a scheme has no port. */
    private static final String NO_PORT = "(?<port>){0}";
    /** Each comma-separated item of the header must match; a port (in a group of that name) is at most 65535. */
    private static final Map<String, Pattern> WELL_FORMED = Map.of(
            "X-Forwarded-Port", Pattern.compile(PORT),
            "X-Forwarded-Proto", Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,15}" + NO_PORT),
            "X-Forwarded-Host", Pattern.compile("(\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9._-]{1,253})(:" + PORT + ")?"));

    private final JsonMapper json;

    ForwardedHeadersCheck(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        for (Map.Entry<String, Pattern> header : WELL_FORMED.entrySet()) {
            List<String> values = headers.get(header.getKey());
            if (values != null && values.stream().anyMatch(value -> !wellFormed(header.getValue(), value))) {
                return Problems.write(exchange.getResponse(), json, Problems.of(HttpStatus.BAD_REQUEST,
                        "bad-request", "Bad request", "The " + header.getKey() + " header is malformed"));
            }
        }
        return chain.filter(exchange);
    }

    private static boolean wellFormed(Pattern item, String value) {
        for (String part : value.split(",", -1)) {
            Matcher matcher = item.matcher(part.strip());
            if (!matcher.matches() || matcher.group("port") != null && Integer.parseInt(matcher.group("port")) > MAX_PORT) {
                return false;
            }
        }
        return true;
    }
}
