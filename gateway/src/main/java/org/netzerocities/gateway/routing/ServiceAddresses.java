package org.netzerocities.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * {@code nzc.gateway.services.<service id>}: where each service the routes name ({@code lb://<service id>}) listens.
 * One address where the platform balances by itself (a Kubernetes Service, a Compose service name), or several,
 * comma-separated (the launcher's {@code --scale}), which the gateway takes in turn.
 */
@ConfigurationProperties("nzc.gateway")
record ServiceAddresses(Map<String, List<URI>> services) {

    ServiceAddresses {
        services = services == null ? Map.of() : Map.copyOf(services);
        services.forEach((service, addresses) -> {
            Assert.notEmpty(addresses, () -> "nzc.gateway.services." + service + " names no address");
            addresses.forEach(address -> Assert.isTrue(
                    ("http".equals(address.getScheme()) || "https".equals(address.getScheme()))
                            && address.getHost() != null,
                    () -> "nzc.gateway.services." + service + ": " + address + " is not an http(s)://host[:port]"));
        });
    }
}
