package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path tempDir;

    @Test
    void communityServiceStartsFirstThenTheOthersTogether() {
        EnumSet<Service> all = EnumSet.allOf(Service.class);

        assertThat(LocalStack.stages(all, StartOrder.STAGED)).containsExactly(
                List.of(Service.COMMUNITY),
                List.of(Service.LEARNING, Service.CAMPAIGN, Service.NOTIFICATION, Service.GATEWAY));
        assertThat(LocalStack.stages(all, StartOrder.STAGED_GATEWAY_LAST)).containsExactly(
                List.of(Service.COMMUNITY),
                List.of(Service.LEARNING, Service.CAMPAIGN, Service.NOTIFICATION),
                List.of(Service.GATEWAY));
        assertThat(LocalStack.stages(all, StartOrder.PARALLEL)).hasSize(1);
        assertThat(LocalStack.stages(all, StartOrder.SEQUENTIAL)).hasSize(5);
        assertThat(LocalStack.stages(EnumSet.of(Service.GATEWAY), StartOrder.STAGED_GATEWAY_LAST))
                .containsExactly(List.of(Service.GATEWAY));
        assertThat(LocalStack.stages(EnumSet.noneOf(Service.class), StartOrder.STAGED)).isEmpty();
    }

    /** For the end-to-end suite and the benchmarks, all of whose requests come from one loopback address. */
    @Test
    void raisedRateLimitsAreTheGatewaysOnlyAndAnExplicitSettingStillWins() {
        LocalStack stack = new LocalStack(StackOptions.builder().dataDir(tempDir).repoRoot(tempDir)
                .raiseRateLimits(true).env(Service.GATEWAY, "NZC_GATEWAY_RATE_LIMIT_AUTH_TOKEN_REQUESTS", "7")
                .launcherEnvironment(Map.of()).build());

        assertThat(stack.serviceEnvironment(Service.GATEWAY))
                .containsEntry("NZC_GATEWAY_RATE_LIMIT_REQUESTS", "1000000")
                .containsEntry("NZC_GATEWAY_RATE_LIMIT_PERIOD", "1s")
                .containsEntry("NZC_GATEWAY_RATE_LIMIT_REGISTRATION_REQUESTS", "1000000")
                .containsEntry("NZC_GATEWAY_RATE_LIMIT_AUTH_TOKEN_REQUESTS", "7");
        assertThat(stack.serviceEnvironment(Service.COMMUNITY)).doesNotContainKey("NZC_GATEWAY_RATE_LIMIT_REQUESTS");
    }

    @Test
    void servicesGetTheirPortsTheBrokerTheDatabaseAndTheCommunityJwks() {
        StackOptions options = StackOptions.builder().dataDir(tempDir).repoRoot(tempDir)
                .port(Service.COMMUNITY, 18081).port(Service.LEARNING, 18082).port(Service.CAMPAIGN, 18083)
                .port(Service.NOTIFICATION, 18084).port(Service.GATEWAY, 18080)
                .mongoPort(27999).kafkaPort(19092).kafkaControllerPort(19093).gatewayManagementPort(19080)
                .env("NZC_ADMIN_EMAIL", "ops@example.org")
                .env(Service.LEARNING, "SERVER_PORT", "18999")
                .launcherEnvironment(Map.of())
                .build();
        LocalStack stack = new LocalStack(options);

        Map<String, String> learning = stack.serviceEnvironment(Service.LEARNING);
        assertThat(learning)
                .containsEntry("SERVER_PORT", "18999")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
                .containsEntry("MONGODB_URI", "mongodb://localhost:27999")
                .containsEntry("NZC_JWKS_URI", "http://localhost:18081/api/community/.well-known/jwks.json")
                .containsEntry("NZC_ADMIN_EMAIL", "ops@example.org")
                .doesNotContainKey("COMMUNITY_SERVICE_URI")
                .as("the services keep their actuator on their own port").doesNotContainKey("MANAGEMENT_SERVER_PORT");
        assertThat(learning).containsEntry("SPRING_PROFILES_ACTIVE", "embedded");

        assertThat(stack.serviceEnvironment(Service.GATEWAY))
                .containsEntry("SERVER_PORT", "18080")
                .containsEntry("COMMUNITY_SERVICE_URI", "http://localhost:18081")
                .containsEntry("LEARNING_SERVICE_URI", "http://localhost:18082")
                .containsEntry("CAMPAIGN_SERVICE_URI", "http://localhost:18083")
                .containsEntry("NOTIFICATION_SERVICE_URI", "http://localhost:18084")
                .containsEntry("MANAGEMENT_SERVER_PORT", "19080")
                .as("the real rate limits unless raised").doesNotContainKey("NZC_GATEWAY_RATE_LIMIT_REQUESTS");

        assertThat(stack.gatewayUrl()).isEqualTo("http://localhost:18080");
        assertThat(stack.serviceUrl("campaign")).isEqualTo("http://localhost:18083");
        assertThat(stack.actuatorUrl(Service.GATEWAY)).isEqualTo("http://localhost:19080");
        assertThat(stack.actuatorUrl(Service.CAMPAIGN)).isEqualTo("http://localhost:18083");
        assertThat(stack.serviceCommand(Service.COMMUNITY))
                .contains("-Xmx384m", "-XX:+UseSerialGC", "-jar")
                .last().isEqualTo(tempDir.resolve("community-service/target/community-service.jar").toString());
    }

    @Test
    void anExtraInstanceHasItsOwnPortAndNameButTheSameDatabaseAndBroker() {
        StackOptions options = StackOptions.builder().dataDir(tempDir).repoRoot(tempDir).portOffset(10000)
                .scale(Service.NOTIFICATION, 2).appCds(false).build();
        LocalStack stack = new LocalStack(options);
        LocalStack.Instance second = new LocalStack.Instance(Service.NOTIFICATION, 1);

        assertThat(second.name()).isEqualTo("notification-service-2");
        assertThat(stack.serviceEnvironment(second)).containsEntry("SERVER_PORT", "18184")
                .containsEntry("MONGODB_URI", stack.mongoUri())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        assertThat(stack.serviceEnvironment(Service.NOTIFICATION)).containsEntry("SERVER_PORT", "18084");
        assertThat(stack.serviceCommand(second)).contains(ChildProcess.marker("notification-service-2"))
                .doesNotContain(ChildProcess.marker("notification-service"));
        assertThat(stack.serviceUrl(Service.NOTIFICATION, 1)).isEqualTo("http://localhost:18184");
        assertThat(stack.serviceEnvironment(Service.GATEWAY)).as("the gateway balances over both")
                .containsEntry("NOTIFICATION_SERVICE_URI", "http://localhost:18084,http://localhost:18184")
                .containsEntry("LEARNING_SERVICE_URI", "http://localhost:18082");
        assertThat(stack.logFile(Service.NOTIFICATION, 1)).hasFileName("notification-service-2.log");
    }

    @Test
    void theInstancesOfAScaledCampaignServiceShareOneKeyForChannelTokensUnlessOneIsSet() {
        StackOptions scaled = StackOptions.builder().dataDir(tempDir).repoRoot(tempDir)
                .scale(Service.CAMPAIGN, 2).launcherEnvironment(Map.of()).build();
        LocalStack stack = new LocalStack(scaled);
        String key = stack.serviceEnvironment(Service.CAMPAIGN).get(LocalStack.CAMPAIGN_CREDENTIAL_KEY);

        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(stack.serviceEnvironment(new LocalStack.Instance(Service.CAMPAIGN, 1)))
                .containsEntry(LocalStack.CAMPAIGN_CREDENTIAL_KEY, key);
        assertThat(new LocalStack(scaled).serviceEnvironment(Service.CAMPAIGN))
                .as("another run, another key").doesNotContainEntry(LocalStack.CAMPAIGN_CREDENTIAL_KEY, key);
        assertThat(stack.serviceEnvironment(Service.LEARNING)).doesNotContainKey(LocalStack.CAMPAIGN_CREDENTIAL_KEY);
        assertThat(new LocalStack(StackOptions.builder().dataDir(tempDir).launcherEnvironment(Map.of()).build())
                .serviceEnvironment(Service.CAMPAIGN)).as("one instance: its own key, as without the launcher")
                .doesNotContainKey(LocalStack.CAMPAIGN_CREDENTIAL_KEY);
        assertThat(new LocalStack(StackOptions.builder().dataDir(tempDir).scale(Service.CAMPAIGN, 2)
                .launcherEnvironment(Map.of(LocalStack.CAMPAIGN_CREDENTIAL_KEY, key)).build())
                .serviceEnvironment(Service.CAMPAIGN)).as("the key set, inherited by every instance")
                .doesNotContainKey(LocalStack.CAMPAIGN_CREDENTIAL_KEY);
    }

    @Test
    void notificationServiceSendsToTheLocalMailSinkUnlessSmtpHostNamesAMailServer() {
        StackOptions sink = StackOptions.builder().dataDir(tempDir).mailPorts(13025, 18025)
                .launcherEnvironment(Map.of()).build();
        StackOptions real = StackOptions.builder().dataDir(tempDir)
                .launcherEnvironment(Map.of("SMTP_HOST", "smtp.example.org")).build();

        assertThat(sink.embeddedMail()).isTrue();
        assertThat(new LocalStack(sink).serviceEnvironment(Service.NOTIFICATION))
                .containsEntry("SMTP_HOST", "localhost").containsEntry("SMTP_PORT", "13025");
        assertThat(new LocalStack(sink).serviceEnvironment(Service.COMMUNITY)).doesNotContainKey("SMTP_HOST");
        assertThat(real.embeddedMail()).isFalse();
        assertThat(new LocalStack(real).serviceEnvironment(Service.NOTIFICATION)).doesNotContainKey("SMTP_HOST");
        assertThat(new MailSink(13025, 18025, "java", tempDir.resolve("mail.log"), tempDir, line -> { }).command())
                .as("the sink listens on the loopback interface only")
                .contains("-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=13025",
                        "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=18025");
    }

    @Test
    void theEmbeddedProfileIsAddedToTheProfilesTheLauncherRunsWith() {
        StackOptions options = StackOptions.builder().dataDir(tempDir)
                .launcherEnvironment(Map.of("SPRING_PROFILES_ACTIVE", " debug, metrics ")).build();

        assertThat(new LocalStack(options).serviceEnvironment(Service.COMMUNITY))
                .containsEntry("SPRING_PROFILES_ACTIVE", "debug,metrics,embedded");
    }

    @Test
    void anExternalMongoGetsNoEmbeddedProfile() {
        StackOptions options = StackOptions.builder().dataDir(tempDir).externalMongo("mongodb://db:27017")
                .launcherEnvironment(Map.of("SPRING_PROFILES_ACTIVE", "debug")).build();

        Map<String, String> env = new LocalStack(options).serviceEnvironment(Service.COMMUNITY);

        assertThat(env).containsEntry("MONGODB_URI", "mongodb://db:27017")
                .as("the services inherit the launcher's profiles unchanged")
                .doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void missingJarsFailFastBeforeAnythingStarts() {
        Path dataDir = tempDir.resolve("data");
        StackOptions options = StackOptions.builder().dataDir(dataDir).repoRoot(tempDir).freePorts()
                .services("community", "gateway").build();

        assertThatThrownBy(() -> new LocalStack(options).start())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("community-service.jar")
                .hasMessageContaining("gateway.jar")
                .hasMessageContaining("mvn -DskipTests package");
        assertThat(dataDir).as("nothing was started, not even the data dir").doesNotExist();
    }
}
