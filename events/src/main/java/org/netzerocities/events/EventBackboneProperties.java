package org.netzerocities.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code nzc.events.*}: how a service publishes and consumes platform events. */
@ConfigurationProperties("nzc.events")
public class EventBackboneProperties {

    /** CloudEvents source of the events this service publishes, e.g. {@code /community-service}. */
    private String source;

    private final Topics topics = new Topics();
    private final Outbox outbox = new Outbox();
    private final Consumer consumer = new Consumer();

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Topics getTopics() {
        return topics;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public static class Topics {

        /**
         * Partitions of each topic created at start-up. Existing topics are never changed: start-up fails
         * when one has another count.
         */
        private int partitions = 3;

        /** 1 for a single broker; 3 in production. */
        private short replicationFactor = 1;

        /** 1 for a single broker; 2 in production, so an acknowledged event is on two brokers. */
        private int minInSyncReplicas = 1;

        /** Retention of internal topics (contact data, account-security links): short on purpose. */
        private Duration internalRetention = Duration.ofDays(7);

        /** How long start-up waits for the broker before it goes on and provisions in the background. */
        private Duration startupTimeout = Duration.ofSeconds(10);

        private final Compaction compaction = new Compaction();

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public short getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }

        public int getMinInSyncReplicas() {
            return minInSyncReplicas;
        }

        public void setMinInSyncReplicas(int minInSyncReplicas) {
            this.minInSyncReplicas = minInSyncReplicas;
        }

        public Duration getInternalRetention() {
            return internalRetention;
        }

        public void setInternalRetention(Duration internalRetention) {
            this.internalRetention = internalRetention;
        }

        public Duration getStartupTimeout() {
            return startupTimeout;
        }

        public void setStartupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
        }

        public Compaction getCompaction() {
            return compaction;
        }
    }

    /**
     * How soon compacted topics (the contact topic) drop what a newer record or a tombstone replaced: an erased
     * member's email must leave Kafka within a day. Kafka never compacts the active segment and rolls it only
     * when a record is appended after {@code min(segment, maxLag)}; the partition is then compacted once its
     * oldest uncompacted record is {@code maxLag} old (or sooner, at {@code minCleanableDirtyRatio}). So a
     * value replaced at T is gone by about T + 12 h with the defaults, provided the partition receives any
     * record after T + 6 h and before T + 24 h.
     */
    public static class Compaction {

        /** {@code segment.ms}: age after which the next append starts a new segment. */
        private Duration segment = Duration.ofHours(6);

        /** {@code max.compaction.lag.ms}: longest a replaced record stays uncompacted once its segment has rolled. */
        private Duration maxLag = Duration.ofHours(12);

        /** {@code min.cleanable.dirty.ratio}: low, since the topic is small and its cleaning cheap. */
        private double minCleanableDirtyRatio = 0.1;

        /**
         * {@code delete.retention.ms}: how long a tombstone stays after compaction, so a consumer that lags less
         * than this still sees it. It holds no contact data, only the member id.
         */
        private Duration tombstoneRetention = Duration.ofDays(1);

        public Duration getSegment() {
            return segment;
        }

        public void setSegment(Duration segment) {
            this.segment = segment;
        }

        public Duration getMaxLag() {
            return maxLag;
        }

        public void setMaxLag(Duration maxLag) {
            this.maxLag = maxLag;
        }

        public double getMinCleanableDirtyRatio() {
            return minCleanableDirtyRatio;
        }

        public void setMinCleanableDirtyRatio(double minCleanableDirtyRatio) {
            this.minCleanableDirtyRatio = minCleanableDirtyRatio;
        }

        public Duration getTombstoneRetention() {
            return tombstoneRetention;
        }

        public void setTombstoneRetention(Duration tombstoneRetention) {
            this.tombstoneRetention = tombstoneRetention;
        }
    }

    public static class Outbox {

        /** Collections whose documents carry an outbox; empty means this service publishes nothing. */
        private List<String> collections = new ArrayList<>();

        /**
         * Safety net only: a write wakes its instance's relay at once, failed sends are retried on their own
         * schedule, and start-up polls once. The poll finds what an instance left behind when it stopped between
         * its write and the send. On the embedded server it scans each outbox collection (about a second for
         * 100,000 members in the durable store), so it is rare; on MongoDB a sparse index serves it.
         */
        private Duration pollInterval = Duration.ofMinutes(5);

        /**
         * The poll's interval while events wait (a send failed, the broker is away): each poll refreshes the
         * backlog gauges and the outbox health, so an outage shows within this interval.
         */
        private Duration waitingPollInterval = Duration.ofSeconds(30);

        private Duration sendTimeout = Duration.ofSeconds(10);

        /** Aggregates relayed together in one round. */
        private int batchSize = 200;

        /** Failed sends (while other events go through) after which an entry is parked. */
        private int maxAttempts = 10;

        /** Longest wait before retrying an aggregate whose send failed. */
        private Duration maxRetryBackoff = Duration.ofSeconds(5);

        /** How long a relay instance holds an aggregate; longer than a send may take. */
        private Duration leaseDuration = Duration.ofSeconds(30);

        /** The aggregates' optimistic-locking field, bumped when events are removed. */
        private String versionField = "version";

        /** Read pending events with majority read concern (a replica set); off where the server has none. */
        private boolean majorityReads = true;

        /** The outbox health is DOWN when an event has waited longer. */
        private Duration maxPendingAge = Duration.ofMinutes(5);

        public List<String> getCollections() {
            return collections;
        }

        public void setCollections(List<String> collections) {
            this.collections = collections;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getWaitingPollInterval() {
            return waitingPollInterval;
        }

        public void setWaitingPollInterval(Duration waitingPollInterval) {
            this.waitingPollInterval = waitingPollInterval;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getMaxRetryBackoff() {
            return maxRetryBackoff;
        }

        public void setMaxRetryBackoff(Duration maxRetryBackoff) {
            this.maxRetryBackoff = maxRetryBackoff;
        }

        public Duration getLeaseDuration() {
            return leaseDuration;
        }

        public void setLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }

        public String getVersionField() {
            return versionField;
        }

        public void setVersionField(String versionField) {
            this.versionField = versionField;
        }

        public boolean isMajorityReads() {
            return majorityReads;
        }

        public void setMajorityReads(boolean majorityReads) {
            this.majorityReads = majorityReads;
        }

        public Duration getMaxPendingAge() {
            return maxPendingAge;
        }

        public void setMaxPendingAge(Duration maxPendingAge) {
            this.maxPendingAge = maxPendingAge;
        }
    }

    public static class Consumer {

        /** Retries of a deterministic failure before the record goes to the dead-letter topic. */
        private int maxRetries = 3;

        private Duration initialBackoff = Duration.ofMillis(500);

        private Duration maxBackoff = Duration.ofSeconds(5);

        /** Longest wait between retries of a transient failure, which is retried until it passes. */
        private Duration maxTransientBackoff = Duration.ofSeconds(10);

        /** How long this service remembers the events it handled. */
        private Duration processedRetention = Duration.ofDays(14);

        /** How often expired processed-event marks are purged (servers without TTL expiry). */
        private Duration purgeInterval = Duration.ofHours(1);

        /** How often the dead-letter depths are read. */
        private Duration deadLetterCheckInterval = Duration.ofSeconds(60);

        public int getMaxRetries() {
            return maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getMaxTransientBackoff() {
            return maxTransientBackoff;
        }

        public void setMaxTransientBackoff(Duration maxTransientBackoff) {
            this.maxTransientBackoff = maxTransientBackoff;
        }

        public Duration getProcessedRetention() {
            return processedRetention;
        }

        public void setProcessedRetention(Duration processedRetention) {
            this.processedRetention = processedRetention;
        }

        public Duration getPurgeInterval() {
            return purgeInterval;
        }

        public void setPurgeInterval(Duration purgeInterval) {
            this.purgeInterval = purgeInterval;
        }

        public Duration getDeadLetterCheckInterval() {
            return deadLetterCheckInterval;
        }

        public void setDeadLetterCheckInterval(Duration deadLetterCheckInterval) {
            this.deadLetterCheckInterval = deadLetterCheckInterval;
        }
    }
}
