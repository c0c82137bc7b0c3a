package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    void anExplicitCacheDirIsKept() {
        assertThat(StackOptions.builder().dataDir(Path.of("/tmp/d")).cacheDir(Path.of("/tmp/c")).build().cacheDir())
                .isEqualTo(Path.of("/tmp/c"));
    }

    @Test
    void freePortsAreDistinctAndKeepExplicitOnes() {
        StackOptions options = StackOptions.builder().freePorts().port("gateway", 12345).build();

        Set<Integer> ports = new HashSet<>();
        for (Service service : Service.values()) {
            ports.add(options.port(service));
        }
        ports.addAll(List.of(options.mongoPort(), options.kafkaPort(), options.kafkaControllerPort(),
                options.gatewayManagementPort()));
        assertThat(ports).hasSize(Service.values().length + 4);
        assertThat(options.port(Service.GATEWAY)).isEqualTo(12345);
    }

    @Test
    void extraInstancesGetFreePortsOfTheirOwn() {
        StackOptions options = StackOptions.builder().freePorts().scale("notification", 3).build();

        Set<Integer> ports = new HashSet<>();
        for (Service service : Service.values()) {
            for (int i = 0; i < options.instances(service); i++) {
                ports.add(options.port(service, i));
            }
        }
        ports.addAll(List.of(options.mongoPort(), options.kafkaPort(), options.kafkaControllerPort(),
                options.gatewayManagementPort(), options.mailSmtpPort(), options.mailWebPort()));
        assertThat(options.instances(Service.NOTIFICATION)).isEqualTo(3);
        assertThat(options.instances(Service.COMMUNITY)).isEqualTo(1);
        assertThat(ports).hasSize(Service.values().length + 2 + 6);
    }

    @Test
    void unknownServicesAreRejected() {
        assertThatThrownBy(() -> StackOptions.builder().services("billing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("community-service");
    }

    @Test
    void servicesAreFoundByModuleShortOrConstantName() {
        assertThat(Service.of("community-service")).isEqualTo(Service.COMMUNITY);
        assertThat(Service.of("Learning")).isEqualTo(Service.LEARNING);
        assertThat(Service.of("NOTIFICATION")).isEqualTo(Service.NOTIFICATION);
        assertThat(Service.of("gateway")).isEqualTo(Service.GATEWAY);
    }
}
