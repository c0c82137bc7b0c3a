package org.netzerocities.events.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.support.EmbeddedBroker;

/** Start-up creates what is missing and never changes what exists. */
class TopicProvisionerTest {

    private final EventBackboneProperties.Topics settings = new EventBackboneProperties.Topics();
    private final TopicProvisioner provisioner = new TopicProvisioner(EmbeddedBroker.adminConfig(), settings,
            Duration.ofSeconds(10), topic -> topic.contains(".compacted-"));

    @Test
    void missingTopicsAreCreatedWithTheConfiguredPartitions() throws Exception {
        String topic = "nzc.test.fresh-" + UUID.randomUUID() + ".v1";

        provisioner.provision(List.of(topic));
        provisioner.provision(List.of(topic));

        assertThat(partitions(topic)).isEqualTo(settings.getPartitions());
    }

    @Test
    void anExistingTopicWithAnotherPartitionCountFailsStartUpAndStaysAsItIs() throws Exception {
        String topic = "nzc.test.older-" + UUID.randomUUID() + ".v1";
        try (Admin admin = Admin.create(EmbeddedBroker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }

        assertThatThrownBy(() -> provisioner.provision(List.of(topic)))
                .isInstanceOf(TopicProvisioner.PartitionMismatchException.class)
                .hasMessageContaining(topic + " has 1").hasMessageContaining("reorders");
        assertThat(partitions(topic)).isEqualTo(1);
    }

    @Test
    void aNewCompactedTopicDropsReplacedValuesWithinTheConfiguredBounds() throws Exception {
        String topic = "nzc.test.compacted-" + UUID.randomUUID() + ".v1";

        provisioner.provision(List.of(topic));

        Config config = config(topic);
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo(hours(6));
        assertThat(config.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()).isEqualTo(hours(12));
        assertThat(config.get(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG).value()).isEqualTo("0.1");
        assertThat(config.get(TopicConfig.DELETE_RETENTION_MS_CONFIG).value()).isEqualTo(hours(24));
    }

    @Test
    void anExistingCompactedTopicGetsTheSettingsItLacksAndKeepsItsOwnAndItsPartitions() throws Exception {
        String topic = "nzc.test.compacted-" + UUID.randomUUID() + ".v1";
        try (Admin admin = Admin.create(EmbeddedBroker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, settings.getPartitions(), (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, "compact",
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, hours(48))))).all().get();
        }

        provisioner.provision(List.of(topic));

        Config config = config(topic);
        assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo(hours(6));
        assertThat(config.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()).isEqualTo(hours(12));
        assertThat(config.get(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG).value()).isEqualTo("0.1");
        assertThat(config.get(TopicConfig.DELETE_RETENTION_MS_CONFIG).value())
                .as("an operator's own value stays").isEqualTo(hours(48));
        assertThat(partitions(topic)).isEqualTo(settings.getPartitions());
    }

    @Test
    void anExistingTopicThatIsNotCompactedGetsNoCompactionSettings() throws Exception {
        String topic = "nzc.test.plain-" + UUID.randomUUID() + ".v1";
        try (Admin admin = Admin.create(EmbeddedBroker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, settings.getPartitions(), (short) 1))).all().get();
        }

        provisioner.provision(List.of(topic));

        assertThat(config(topic).get(TopicConfig.SEGMENT_MS_CONFIG).source())
                .isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(config(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
    }

    private static String hours(int hours) {
        return Long.toString(Duration.ofHours(hours).toMillis());
    }

    /** A topic just created may not be in the broker's metadata yet (a loaded machine): asked again then. */
    private static Config config(String topic) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(EmbeddedBroker.adminConfig())) {
            for (int attempt = 1;; attempt++) {
                try {
                    return admin.describeConfigs(List.of(resource)).all().get().get(resource);
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 50) {
                        throw ex;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private static int partitions(String topic) throws Exception {
        try (Admin admin = Admin.create(EmbeddedBroker.adminConfig())) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }
}
