package org.netzerocities.community.directory;

import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.netzerocities.community.member.Member;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.contract.EventCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.TopicPartitionOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps every instance's {@link ListedMembers} current. This instance's saves reload the member as they happen
 * (read again rather than taken from the save: two saves of one member may end in either order); other
 * instances' changes arrive as member events, which every instance reads (its own partitions assignment, from
 * the end, committing nothing: unlike the service's consumer group, which gives each event to one instance).
 * The directory loads once that consumer is positioned, so no change falls between the load and the events.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryRefresh {

    @Bean
    ListedMembers listedMembers(MongoTemplate mongo) {
        return new ListedMembers(mongo);
    }

    /** This instance's writes: the member as stored once saved. */
    @Bean
    AbstractMongoEventListener<Member> directoryOnMemberSaved(ListedMembers listed) {
        return new AbstractMongoEventListener<>() {
            @Override
            public void onAfterSave(AfterSaveEvent<Member> event) {
                Document saved = event.getDocument();
                if (saved != null) {
                    listed.reload(saved.getString("_id"));
                }
            }
        };
    }

    /** Other instances' writes: any member event names a member whose listing may have changed. */
    @Bean
    KafkaMessageListenerContainer<String, String> directoryRefreshFromMemberEvents(
            ConsumerFactory<String, String> consumers, EventBackboneProperties events, ListedMembers listed) {
        TopicPartitionOffset[] partitions = IntStream.range(0, events.getTopics().getPartitions())
                .mapToObj(p -> new TopicPartitionOffset(EventCatalog.COMMUNITY_MEMBERS_TOPIC, p,
                        TopicPartitionOffset.SeekPosition.END))
                .toArray(TopicPartitionOffset[]::new);
        ContainerProperties properties = new ContainerProperties(partitions);
        properties.setGroupId("community-directory-" + UUID.randomUUID());
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.getKafkaConsumerProperties().putAll(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        properties.setMessageListener(new Reloader(listed));
        return new KafkaMessageListenerContainer<>(consumers, properties);
    }

    /** Reloads the member each record is about; a tombstone-free topic keyed by member id. */
    private static final class Reloader extends AbstractConsumerSeekAware
            implements MessageListener<String, String> {

        private final ListedMembers listed;

        Reloader(ListedMembers listed) {
            this.listed = listed;
        }

        @Override
        public void onMessage(ConsumerRecord<String, String> record) {
            if (record.key() != null) {
                listed.reload(record.key());
            }
        }

        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            super.onPartitionsAssigned(assignments, callback);
            listed.consumerPositioned();
        }
    }
}
