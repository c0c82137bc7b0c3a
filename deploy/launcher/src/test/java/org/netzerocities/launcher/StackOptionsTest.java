package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    void defaultsAreTheDocumentedPortsAndAllServices() {
        StackOptions options = StackOptions.fromCommandLine(new String[0], Map.of()).build();

        assertThat(options.port(Service.GATEWAY)).isEqualTo(8080);
        assertThat(options.port(Service.COMMUNITY)).isEqualTo(8081);
        assertThat(options.port(Service.NOTIFICATION)).isEqualTo(8084);
        assertThat(options.mongoUri()).isEqualTo("mongodb://localhost:27017");
        assertThat(options.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.services()).containsExactly(Service.values());
        assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(options.serviceJavaOpts())
                .containsExactly("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");
        assertThat(options.readinessTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.embeddedMongo()).isTrue();
        assertThat(options.embeddedKafka()).isTrue();
        assertThat(options.startOrder()).isEqualTo(StartOrder.STAGED_GATEWAY_LAST);
        assertThat(options.appCds()).isTrue();
    }

    @Test
    void classDataSharingCanBeTurnedOffAndItsCacheMoved() {
        StackOptions options = StackOptions.fromCommandLine(new String[] {"--app-cds=false"},
                Map.of("NZC_CACHE_DIR", "/tmp/nzc-cache")).build();

        assertThat(options.appCds()).isFalse();
        assertThat(options.cacheDir()).isEqualTo(Path.of("/tmp/nzc-cache"));
        assertThat(StackOptions.builder().dataDir(Path.of("/tmp/d")).cacheDir(Path.of("/tmp/c")).build().cacheDir())
                .isEqualTo(Path.of("/tmp/c"));
    }

    @Test
    void commandLineWinsOverEnvironment() {
        Map<String, String> env = Map.of(
                "NZC_DATA_DIR", "/tmp/from-env",
                "NZC_PORT_OFFSET", "100",
                "NZC_SERVICE_JAVA_OPTS", " -Xmx300m  -Xss1m ",
                "NZC_SERVICES", "community,gateway");
        StackOptions options = StackOptions.fromCommandLine(
                new String[] {"--data-dir=/tmp/from-args", "--kafka-port=19999", "--start-order=parallel"}, env).build();

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/from-args"));
        assertThat(options.port(Service.GATEWAY)).isEqualTo(8180);
        assertThat(options.mongoPort()).isEqualTo(27117);
        assertThat(options.kafkaPort()).isEqualTo(19999);
        assertThat(options.kafkaControllerPort()).isEqualTo(9193);
        assertThat(options.serviceJavaOpts()).containsExactly("-Xmx300m", "-Xss1m");
        assertThat(options.services()).containsExactly(Service.COMMUNITY, Service.GATEWAY);
        assertThat(options.startOrder()).isEqualTo(StartOrder.PARALLEL);
    }

    @Test
    void infraOnlyStartsNoServiceAndExternalServersAreUsedAsGiven() {
        StackOptions options = StackOptions.fromCommandLine(new String[] {"--infra-only"},
                Map.of("MONGODB_URI", "mongodb://db:27017", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                        "NZC_SERVICES", "gateway")).build();

        assertThat(options.services()).isEmpty();
        assertThat(options.embeddedMongo()).isFalse();
        assertThat(options.mongoUri()).isEqualTo("mongodb://db:27017");
        assertThat(options.embeddedKafka()).isFalse();
        assertThat(options.kafkaBootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void freePortsAreDistinctAndKeepExplicitOnes() {
        StackOptions options = StackOptions.builder().freePorts().port("gateway", 12345).build();

        Set<Integer> ports = new HashSet<>();
        for (Service service : Service.values()) {
            ports.add(options.port(service));
        }
        ports.addAll(List.of(options.mongoPort(), options.kafkaPort(), options.kafkaControllerPort()));
        assertThat(ports).hasSize(Service.values().length + 3);
        assertThat(options.port(Service.GATEWAY)).isEqualTo(12345);
    }

    @Test
    void unknownOptionsAndServicesAreRejected() {
        assertThatThrownBy(() -> StackOptions.fromCommandLine(new String[] {"--colour=blue"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour");
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
