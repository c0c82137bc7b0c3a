package org.netzerocities.gateway.limits;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Whom a request is counted against: the member of a valid bearer token (the security chain has checked it by
 * then; an invalid one never gets this far), else the client's address. Behind trusted proxies
 * ({@code spring.cloud.gateway.server.webflux.trusted-proxies}) that is the last address of {@code X-Forwarded-For}
 * no trusted proxy added. An IPv6 client counts by its /64, the block one subscriber usually has to itself.
 */
final class ClientKeys {

    private static final int MAX_FORWARDED_ADDRESS = 64;

    private final Pattern trustedProxies;

    ClientKeys(String trustedProxies) {
        this.trustedProxies = trustedProxies == null || trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
    }

    Mono<String> of(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(member -> "member:" + member.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + address(exchange)));
    }

    static boolean isMember(String key) {
        return key.startsWith("member:");
    }

    private String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        String forwardedFor = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
        if (forwardedFor == null || !trusted(peer)) {
            return block(peer);
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (i == 0 || !trusted(hop)) {
                return hop.isEmpty() ? block(peer) : block(hop);
            }
        }
        return block(peer);
    }

    private boolean trusted(String address) {
        return trustedProxies != null && trustedProxies.matcher(address).matches();
    }

    /** An IPv6 address as its /64; anything else as it is (within a length: it may come from a header). */
    private static String block(String address) {
        if (address.indexOf(':') >= 0 && address.length() <= MAX_FORWARDED_ADDRESS) {
            try {
                // a literal with a colon is parsed, never looked up
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
            }
            catch (UnknownHostException | IllegalArgumentException notAnAddress) {
                // counted by the text it is
            }
        }
        return address.length() <= MAX_FORWARDED_ADDRESS ? address : address.substring(0, MAX_FORWARDED_ADDRESS);
    }
}
