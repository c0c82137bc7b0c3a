package org.netzerocities.events.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.contract.EventCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the platform's missing topics and never changes existing ones: raising a topic's partition count
 * moves keys to other partitions and reorders their events. An existing topic whose partition count
 * differs from the configured one is an error to resolve deliberately, so start-up fails with a message
 * that says so.
 *
 * <p>Compacted topics get the compaction settings that bound how long a replaced value (an erased member's email)
 * stays in Kafka. An existing compacted topic that lacks some of them (created before they existed, or by hand)
 * gets those added with an incremental config change, which reorders nothing; a value set on the topic itself is
 * an operator's choice and stays.
 */
public class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Map<String, Object> adminConfig;
    private final EventBackboneProperties.Topics settings;
    private final Duration timeout;
    private final Predicate<String> compacted;

    public TopicProvisioner(Map<String, Object> adminConfig, EventBackboneProperties.Topics settings,
            Duration timeout) {
        this(adminConfig, settings, timeout, EventCatalog::isCompacted);
    }

    TopicProvisioner(Map<String, Object> adminConfig, EventBackboneProperties.Topics settings, Duration timeout,
            Predicate<String> compacted) {
        this.adminConfig = adminConfig;
        this.settings = settings;
        this.timeout = timeout;
        this.compacted = compacted;
    }

    /**
     * Creates what is missing among {@code topics}, checks the partitions of the rest and completes the
     * compaction settings of those that are compacted.
     *
     * @throws PartitionMismatchException when an existing topic has another partition count
     * @throws TimeoutException           when the broker does not answer in time
     */
    public void provision(Collection<String> topics) throws TimeoutException, InterruptedException {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t)).map(this::newTopic).toList();
            if (!missing.isEmpty()) {
                create(admin, missing);
            }
            List<String> present = topics.stream().filter(existing::contains).toList();
            if (!present.isEmpty()) {
                check(admin.describeTopics(present).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .values());
                completeCompaction(admin, present.stream().filter(compacted).toList());
            }
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Cannot provision Kafka topics: " + ex.getCause().getMessage(), ex);
        }
    }

    private void create(Admin admin, List<NewTopic> missing) throws InterruptedException, TimeoutException,
            ExecutionException {
        try {
            admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw ex;
            }
            // another instance created one at the same moment: its partitions are checked like the rest
            check(admin.describeTopics(missing.stream().map(NewTopic::name).toList()).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).values());
        }
    }

    private void check(Collection<TopicDescription> topics) {
        List<String> mismatches = new ArrayList<>();
        for (TopicDescription topic : topics) {
            if (topic.partitions().size() != settings.getPartitions()) {
                mismatches.add(topic.name() + " has " + topic.partitions().size());
            }
        }
        if (!mismatches.isEmpty()) {
            throw new PartitionMismatchException("Existing topics differ from nzc.events.topics.partitions="
                    + settings.getPartitions() + ": " + String.join(", ", mismatches) + ". Partition counts are "
                    + "never changed at start-up, because that moves keys to other partitions and reorders their "
                    + "events: configure the existing count, or migrate the topic deliberately.");
        }
    }

    /** Sets the compaction settings a compacted topic lacks; leaves those set on the topic as they are. */
    private void completeCompaction(Admin admin, List<String> topics) throws InterruptedException,
            TimeoutException, ExecutionException {
        if (topics.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> missing = new HashMap<>();
        for (ConfigResource topic : resources) {
            List<AlterConfigOp> additions = new ArrayList<>();
            compactionConfig().forEach((name, wanted) -> {
                ConfigEntry entry = current.get(topic).get(name);
                if (entry == null || entry.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    additions.add(new AlterConfigOp(new ConfigEntry(name, wanted), AlterConfigOp.OpType.SET));
                }
                else if (!wanted.equals(entry.value())) {
                    log.warn("Topic {} keeps its own {}={} (platform default {})", topic.name(), name, entry.value(),
                            wanted);
                }
            });
            if (!additions.isEmpty()) {
                missing.put(topic, additions);
            }
        }
        if (!missing.isEmpty()) {
            admin.incrementalAlterConfigs(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            missing.forEach((topic, additions) -> log.info("Completed compaction settings of topic {}: {}",
                    topic.name(), additions.stream().map(op -> op.configEntry().name()).sorted().toList()));
        }
    }

    private Map<String, String> compactionConfig() {
        var compaction = settings.getCompaction();
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(compaction.getSegment().toMillis()),
                TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(compaction.getMaxLag().toMillis()),
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, Double.toString(compaction.getMinCleanableDirtyRatio()),
                TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(compaction.getTombstoneRetention().toMillis()));
    }

    private NewTopic newTopic(String name) {
        Map<String, String> config = new HashMap<>();
        config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.getMinInSyncReplicas()));
        if (compacted.test(name)) {
            config.putAll(compactionConfig());
        }
        else if (EventCatalog.isInternal(name)) {
            config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.getInternalRetention().toMillis()));
        }
        return new NewTopic(name, settings.getPartitions(), settings.getReplicationFactor()).configs(config);
    }

    /** An existing topic's partition count differs from the configured one. */
    public static class PartitionMismatchException extends IllegalStateException {

        public PartitionMismatchException(String message) {
            super(message);
        }
    }
}
