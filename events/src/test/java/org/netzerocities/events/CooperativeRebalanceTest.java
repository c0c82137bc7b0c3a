package org.netzerocities.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.support.EmbeddedBroker;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * A service's listeners share its consumer group, one per topic. When the group rebalances (another listener or
 * instance joins, the broker comes back) while one member is busy and does not poll, as a listener handling a slow
 * record or waiting out a retry back-off, the other members consume on: the backbone's consumers rebalance
 * cooperatively. With Kafka's eager default they all gave up their partitions and waited for the busy one.
 */
class CooperativeRebalanceTest {

    private static final Duration BUSY = Duration.ofSeconds(15);
    /** The consumers' heartbeat.interval.ms, Kafka's default. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(3);

    private final String group = "rebalance-" + UUID.randomUUID();
    private final String slowTopic = "nzc.test.slow-" + UUID.randomUUID() + ".v1";
    private final String busyTopic = "nzc.test.busy-" + UUID.randomUUID() + ".v1";
    private final String joiningTopic = "nzc.test.joining-" + UUID.randomUUID() + ".v1";
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> members = new ArrayList<>();

    @AfterEach
    void stopMembers() throws InterruptedException {
        running.set(false);
        for (Thread member : members) {
            member.interrupt(); // the busy one need not finish its nap
            member.join(BUSY.toMillis());
        }
    }

    @Test
    void whileOneMemberIsBusyTheOthersOfItsGroupConsumeThroughARebalance() throws Exception {
        try (var admin = AdminClient.create(EmbeddedBroker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(slowTopic, 1, (short) 1), new NewTopic(busyTopic, 1, (short) 1),
                    new NewTopic(joiningTopic, 1, (short) 1))).all().get();
        }
        var template = EmbeddedBroker.template();
        Queue<String> slowSeen = new ConcurrentLinkedQueue<>();
        Queue<String> busySeen = new ConcurrentLinkedQueue<>();
        member(slowTopic, value -> {
            slowSeen.add(value);
            if (value.equals("take your time")) {
                sleep(BUSY); // not polling: the group's rebalance waits for this member
            }
        });
        member(busyTopic, busySeen::add);
        template.send(slowTopic, "k", "hello").get();
        template.send(busyTopic, "k", "hello").get();
        await().atMost(Duration.ofSeconds(60)).until(() -> slowSeen.contains("hello") && busySeen.contains("hello"));

        template.send(slowTopic, "k", "take your time").get();
        await().atMost(Duration.ofSeconds(10)).until(() -> slowSeen.contains("take your time"));
        member(joiningTopic, value -> {
        }); // a listener joins the group: it rebalances
        try (var admin = AdminClient.create(EmbeddedBroker.adminConfig())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> admin.describeConsumerGroups(List.of(group)).all().get()
                    .get(group).groupState() == GroupState.PREPARING_REBALANCE);
        }
        // every polling member has heard of the rebalance by its next heartbeat
        Thread.sleep(HEARTBEAT.plusMillis(500).toMillis());
        template.send(busyTopic, "k", "during the rebalance").get();

        // well before the busy member polls again
        await().atMost(Duration.ofSeconds(6)).until(() -> busySeen.contains("during the rebalance"));
        assertThat(slowSeen).as("the busy member is still away").containsExactly("hello", "take your time");
    }

    /** A member of the group on one topic, with the consumer configuration the services get, polling on its thread. */
    private void member(String topic, java.util.function.Consumer<String> handler) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        var factory = new DefaultKafkaConsumerFactory<String, String>(config);
        new EventBackboneAutoConfiguration().backboneConsumerDefaults().customize(factory);
        Thread member = new Thread(() -> {
            try (Consumer<String, String> consumer = factory.createConsumer()) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> handler.accept(record.value()));
                }
            }
            catch (InterruptException stopped) {
                // the test is over
            }
        }, "member-" + topic);
        member.setDaemon(true);
        member.start();
        members.add(member);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
