package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class LauncherCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void defaultsAreTheDocumentedPortsAndAllServices() {
        StackOptions options = parse(Map.of());

        assertThat(options.port(Service.GATEWAY)).isEqualTo(8080);
        assertThat(options.port(Service.COMMUNITY)).isEqualTo(8081);
        assertThat(options.port(Service.NOTIFICATION)).isEqualTo(8084);
        assertThat(options.mongoUri()).isEqualTo("mongodb://localhost:27017");
        assertThat(options.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.kafkaPartitions()).isEqualTo(3);
        assertThat(options.gatewayManagementPort()).isEqualTo(9080);
        assertThat(options.services()).containsExactly(Service.values());
        assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(options.serviceJavaOpts())
                .containsExactly("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");
        assertThat(options.kafkaJavaOpts()).containsExactly("-Xmx512m");
        assertThat(options.readinessTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.embeddedMongo()).isTrue();
        assertThat(options.embeddedKafka()).isTrue();
        assertThat(options.startOrder()).isEqualTo(StartOrder.STAGED_GATEWAY_LAST);
        assertThat(options.appCds()).isTrue();
        assertThat(options.mongoDurable()).isTrue();
    }

    @Test
    void classDataSharingCanBeTurnedOffAndItsCacheMoved() {
        StackOptions options = parse(Map.of("NZC_CACHE_DIR", "/tmp/nzc-cache"), "--app-cds=false");

        assertThat(options.appCds()).isFalse();
        assertThat(options.cacheDir()).isEqualTo(Path.of("/tmp/nzc-cache"));
    }

    @Test
    void commandLineWinsOverEnvironment() {
        Map<String, String> env = Map.of(
                "NZC_DATA_DIR", "/tmp/from-env",
                "NZC_PORT_OFFSET", "100",
                "NZC_SERVICE_JAVA_OPTS", " -Xmx300m  -Xss1m ",
                "NZC_SERVICES", "community, gateway",
                "NZC_MONGO_DURABLE", "false",
                "NZC_START_ORDER", "sequential");
        StackOptions options = parse(env,
                "--data-dir=/tmp/from-args", "--kafka-port=19999", "--start-order=parallel", "--kafka-partitions=6");

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/from-args"));
        assertThat(options.port(Service.GATEWAY)).isEqualTo(8180);
        assertThat(options.mongoPort()).isEqualTo(27117);
        assertThat(options.kafkaPort()).isEqualTo(19999);
        assertThat(options.kafkaControllerPort()).isEqualTo(9193);
        assertThat(options.kafkaPartitions()).isEqualTo(6);
        assertThat(options.gatewayManagementPort()).isEqualTo(9180);
        assertThat(options.serviceJavaOpts()).containsExactly("-Xmx300m", "-Xss1m");
        assertThat(options.services()).containsExactly(Service.COMMUNITY, Service.GATEWAY);
        assertThat(options.startOrder()).isEqualTo(StartOrder.PARALLEL);
        assertThat(options.mongoDurable()).isFalse();
        assertThat(options.launcherEnvironment()).isEqualTo(env);
    }

    @Test
    void infraOnlyStartsNoServiceAndExternalServersAreUsedAsGiven() {
        StackOptions options = parse(Map.of("MONGODB_URI", "mongodb://db:27017", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "NZC_SERVICES", "gateway"), "--infra-only");

        assertThat(options.services()).isEmpty();
        assertThat(options.embeddedMongo()).isFalse();
        assertThat(options.mongoUri()).isEqualTo("mongodb://db:27017");
        assertThat(options.embeddedKafka()).isFalse();
        assertThat(options.kafkaBootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void whatWasOnlyAnEnvironmentVariableIsAnOptionToo() {
        StackOptions options = parse(Map.of(), "--mongodb-uri=mongodb://db:27017", "--kafka-bootstrap-servers=kafka:9092",
                "--service-java-opts=-Xmx300m -Xss1m", "--kafka-java-opts=-Xmx1g", "--mongo-durable=false",
                "--services=learning-service,NOTIFICATION");

        assertThat(options.mongoUri()).isEqualTo("mongodb://db:27017");
        assertThat(options.kafkaBootstrapServers()).isEqualTo("kafka:9092");
        assertThat(options.serviceJavaOpts()).containsExactly("-Xmx300m", "-Xss1m");
        assertThat(options.kafkaJavaOpts()).containsExactly("-Xmx1g");
        assertThat(options.mongoDurable()).isFalse();
        assertThat(options.services()).containsExactly(Service.LEARNING, Service.NOTIFICATION);
    }

    @Test
    void theGatewaysRateLimitsAreRealUnlessRaised() {
        assertThat(parse(Map.of()).raiseRateLimits()).isFalse();
        assertThat(parse(Map.of(), "--raise-rate-limits").raiseRateLimits()).isTrue();
        assertThat(parse(Map.of("NZC_RAISE_RATE_LIMITS", "true")).raiseRateLimits()).isTrue();
    }

    @Test
    void everyOptionDocumentsTheEnvironmentVariableItFallsBackTo() {
        for (OptionSpec option : LauncherCommand.commandLine(Map.of()).getCommandSpec().options()) {
            if (option.usageHelp()) {
                continue;
            }
            assertThat(option.descriptionKey()).as(option.longestName() + " has an environment variable").isNotEmpty();
            assertThat(String.join(" ", option.description())).as(option.longestName() + " documents it")
                    .contains("env " + option.descriptionKey());
        }
    }

    @Test
    void helpPrintsTheGeneratedUsage() {
        assertThat(execute(Map.of(), "--help")).isZero();

        assertThat(out.toString().replaceAll("\\s+", " ")).as("the usage text, lines joined")
                .startsWith("Usage: run-local.sh")
                .contains("--mongodb-uri=URI", "env MONGODB_URI", "--service-java-opts", "env NZC_SERVICE_JAVA_OPTS",
                        "--mongo-durable", "default -Xmx384m");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBadValueSaysWhichAndShowsTheUsage() {
        assertThat(execute(Map.of(), "--start-order=soon")).isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for option '--start-order'", "STAGED_GATEWAY_LAST", "'soon'")
                .contains("Usage: run-local.sh");
    }

    @Test
    void aBadEnvironmentValueIsRejectedToo() {
        assertThat(execute(Map.of("NZC_KAFKA_PORT", "ninety"))).isEqualTo(2);
        assertThat(err.toString()).contains("'--kafka-port'", "'ninety'", "Usage: run-local.sh");
    }

    @Test
    void unknownOptionsAndServicesAreRejected() {
        assertThat(execute(Map.of(), "--colour=blue")).isEqualTo(2);
        assertThat(err.toString()).contains("--colour=blue", "Usage: run-local.sh");

        assertThat(execute(Map.of(), "--services=community,billing")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown service 'billing'", "community-service");
    }

    @Test
    void aStackThatCannotStartIsOneLineAndExitCodeOne(@TempDir Path emptyRepo) {
        assertThat(execute(Map.of(), "--repo-root=" + emptyRepo, "--data-dir=" + emptyRepo.resolve("data"),
                "--services=community")).isEqualTo(1);

        assertThat(err.toString()).startsWith("[nzc] missing service jar(s): ")
                .contains("community-service.jar").doesNotContain("\tat ");
    }

    @Test
    void scaleStartsExtraInstancesOnTheServicePortPlusHundreds() {
        StackOptions options = parse(Map.of("NZC_SCALE", "learning=3"), "--scale", "notification=2",
                "--port-offset=10");

        assertThat(options.instances(Service.NOTIFICATION)).isEqualTo(2);
        assertThat(options.port(Service.NOTIFICATION, 0)).isEqualTo(8094);
        assertThat(options.port(Service.NOTIFICATION, 1)).isEqualTo(8194);
        assertThat(options.instances(Service.LEARNING)).as("the command line replaces NZC_SCALE").isEqualTo(1);
        assertThat(parse(Map.of("NZC_SCALE", "learning=3, campaign=2")).instances(Service.LEARNING)).isEqualTo(3);
        assertThat(parse(Map.of("NZC_SCALE", "learning=3, campaign=2")).port(Service.LEARNING, 2)).isEqualTo(8282);
    }

    @Test
    void scalingTheGatewayOrAnUnknownServiceIsRefusedInOneLine() {
        assertThat(execute(Map.of(), "--scale=gateway=2")).isEqualTo(1);
        assertThat(err.toString()).contains("--scale: the gateway runs once").doesNotContain("Exception");
        assertThat(execute(Map.of(), "--scale=billing=2")).isEqualTo(1);
        assertThat(err.toString()).contains("unknown service 'billing'");
        assertThat(execute(Map.of(), "--scale=notification=0")).isEqualTo(1);
        assertThat(err.toString()).contains("at least 1 instance");
    }

    private static StackOptions parse(Map<String, String> env, String... args) {
        CommandLine commandLine = LauncherCommand.commandLine(env);
        commandLine.parseArgs(args);
        LauncherCommand command = commandLine.getCommand();
        return command.stackOptions().build();
    }

    private int execute(Map<String, String> env, String... args) {
        return LauncherCommand.commandLine(env)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
