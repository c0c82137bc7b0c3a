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

        /** Partitions of each topic created at start-up (existing topics are left as they are). */
        private int partitions = 3;

        private short replicationFactor = 1;

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
    }

    public static class Outbox {

        /** Collections whose documents carry an outbox; empty means this service publishes nothing. */
        private List<String> collections = new ArrayList<>();

        private Duration pollInterval = Duration.ofMillis(250);

        private Duration sendTimeout = Duration.ofSeconds(10);

        private int batchSize = 200;

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
    }

    public static class Consumer {

        /** Retries of a failing record before it goes to the dead-letter topic. */
        private int maxRetries = 3;

        private Duration initialBackoff = Duration.ofMillis(500);

        private Duration maxBackoff = Duration.ofSeconds(5);

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
    }
}
