package org.netzerocities.events.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.support.EmbeddedBroker;

/** Start-up creates what is missing and never changes what exists. */
class TopicProvisionerTest {

    private final EventBackboneProperties.Topics settings = new EventBackboneProperties.Topics();
    private final TopicProvisioner provisioner = new TopicProvisioner(EmbeddedBroker.adminConfig(), settings,
            Duration.ofSeconds(10));

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

    private static int partitions(String topic) throws Exception {
        try (Admin admin = Admin.create(EmbeddedBroker.adminConfig())) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }
}
