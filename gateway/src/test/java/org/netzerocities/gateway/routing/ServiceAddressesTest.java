package org.netzerocities.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceAddressesTest {

    @Test
    void eachAddressBecomesAnInstanceOfItsService() {
        var instances = new ConfiguredServiceInstances(new ServiceAddresses(Map.of("learning-service",
                List.of(URI.create("http://localhost:8082"), URI.create("https://learning.internal")))));

        assertThat(instances.getInstances("learning-service").collectList().block())
                .extracting(instance -> instance.getUri().toString())
                .containsExactly("http://localhost:8082", "https://learning.internal:443");
        assertThat(instances.getInstances("unknown-service").collectList().block()).isEmpty();
        assertThat(instances.getServices().collectList().block()).containsExactly("learning-service");
    }

    @Test
    void anAddressThatIsNoHttpUrlStopsTheGatewayAtStartWithItsName() {
        for (String address : List.of("ftp://localhost:21", "localhost:8082", "http:///no-host")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ServiceAddresses(Map.of("learning-service", List.of(URI.create(address)))))
                    .withMessageContaining("nzc.gateway.services.learning-service");
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ServiceAddresses(Map.of("learning-service", List.of())))
                .withMessageContaining("names no address");
    }
}
