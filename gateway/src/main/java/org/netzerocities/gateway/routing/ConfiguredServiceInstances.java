package org.netzerocities.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * The services' instances as configured ({@link ServiceAddresses}), for Spring Cloud LoadBalancer, which sends each
 * {@code lb://} route's requests to them in turn. No registry: the addresses are fixed for the gateway's lifetime.
 */
@Component
@EnableConfigurationProperties(ServiceAddresses.class)
class ConfiguredServiceInstances implements ReactiveDiscoveryClient {

    private final Map<String, List<ServiceInstance>> instances;

    ConfiguredServiceInstances(ServiceAddresses addresses) {
        this.instances = addresses.services().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, service -> instances(service.getKey(), service.getValue())));
    }

    private static List<ServiceInstance> instances(String service, List<URI> addresses) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (URI address : addresses) {
            boolean secure = "https".equals(address.getScheme());
            int port = address.getPort() != -1 ? address.getPort() : secure ? 443 : 80;
            instances.add(new DefaultServiceInstance(service + "-" + (instances.size() + 1), service,
                    address.getHost(), port, secure));
        }
        return List.copyOf(instances);
    }

    @Override
    public String description() {
        return "the services' addresses in nzc.gateway.services";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}
