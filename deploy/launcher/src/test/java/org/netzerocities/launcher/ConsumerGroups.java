package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What the scaling tests ask the broker about a service's consumer group: who holds which partition, and how far
 * behind the group is. Each instance of a service has one consumer per topic (EventListeners), so two members
 * holding partitions of one topic are two instances.
 */
final class ConsumerGroups {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private ConsumerGroups() {
    }

    /** Both instances hold partitions of each topic in the group, none twice, all of them together. */
    static void assertSharedPartitions(LocalStack stack, String group, String... topics) {
        int partitions = stack.options().kafkaPartitions();
        try (Admin admin = admin(stack)) {
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                ConsumerGroupDescription description = describe(admin, group);
                for (String topic : topics) {
                    List<Set<TopicPartition>> holdings = description.members().stream()
                            .map(member -> partitionsOf(member, topic)).filter(held -> !held.isEmpty())
                            .collect(Collectors.toList());
                    assertThat(holdings).as("members of %s holding %s: %s", group, topic, description.members())
                            .hasSizeGreaterThanOrEqualTo(2);
                    Set<TopicPartition> union = new HashSet<>();
                    holdings.forEach(held -> assertThat(union.addAll(held)).isTrue());
                    assertThat(holdings.stream().mapToInt(Set::size).sum()).as("no partition of %s held twice", topic)
                            .isEqualTo(union.size());
                    assertThat(union).as("partitions of %s held in %s", topic, group).hasSize(partitions);
                }
            });
        }
    }

    /** The topics the group's members hold partitions of. */
    static Set<String> topicsOf(LocalStack stack, String group) throws Exception {
        try (Admin admin = admin(stack)) {
            return describe(admin, group).members().stream()
                    .flatMap(member -> member.assignment().topicPartitions().stream()).map(TopicPartition::topic)
                    .collect(Collectors.toSet());
        }
    }

    /** The member (its consumer id) holding each partition of the topic in the group. */
    static Map<Integer, String> holders(LocalStack stack, String group, String topic) throws Exception {
        Map<Integer, String> holders = new HashMap<>();
        try (Admin admin = admin(stack)) {
            for (MemberDescription member : describe(admin, group).members()) {
                partitionsOf(member, topic).forEach(held -> holders.put(held.partition(), member.consumerId()));
            }
        }
        return holders;
    }

    /** Records of the topic not yet committed by the group. */
    static long lag(LocalStack stack, String group, String topic) throws Exception {
        try (Admin admin = admin(stack)) {
            Map<TopicPartition, Long> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get().entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.entrySet().stream().mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue()).sum();
        }
    }

    private static Admin admin(LocalStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group);
    }

    private static Set<TopicPartition> partitionsOf(MemberDescription member, String topic) {
        return member.assignment().topicPartitions().stream().filter(p -> p.topic().equals(topic))
                .collect(Collectors.toSet());
    }
}
