package org.netzerocities.events.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** A producer for the relay's unit tests whose broker can be away or refuse chosen records. */
public class ScriptedProducer extends MockProducer<String, String> {

    public volatile boolean brokerDown;
    public volatile Predicate<ProducerRecord<String, String>> refuse = record -> false;
    public volatile RuntimeException refusal = new TimeoutException("refused");
    public volatile int sendAttempts;

    public ScriptedProducer() {
        super(true, null, new StringSerializer(), new StringSerializer());
    }

    public KafkaTemplate<String, String> template() {
        return new KafkaTemplate<>(new MockProducerFactory<>(() -> this));
    }

    /** The template closes its producer after each send; this one stands for a shared, long-lived producer. */
    @Override
    public void close() {
    }

    @Override
    public void close(java.time.Duration timeout) {
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
        sendAttempts++;
        RuntimeException failure = brokerDown ? new TimeoutException("broker unreachable")
                : refuse.test(record) ? refusal : null;
        if (failure != null) {
            callback.onCompletion(null, failure);
            return CompletableFuture.failedFuture(failure);
        }
        return super.send(record, callback);
    }
}
