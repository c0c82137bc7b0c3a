package org.netzerocities.community.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.trace.TraceContext;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

/**
 * One trace from the registration request through Kafka into a listener, with Micrometer Tracing; and the
 * business figure a registration counts.
 */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class TraceAndFiguresTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Autowired
    MockMvc http;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    ObservationRegistry observations;
    @Autowired
    MeterRegistry meters;

    @Test
    void theRegistrationsTraceTravelsInTheKafkaHeadersIntoTheConsumer() throws Exception {
        Map<String, String> consumedInTrace = new ConcurrentHashMap<>();
        observations.observationConfig().observationHandler(new ConsumedTraces(consumedInTrace));

        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .header(TraceContext.TRACEPARENT, "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                        .content("""
                                {"email":"%s","password":"%s","displayName":"Traced","city":"cluj-napoca",
                                 "languages":["ro"],"interests":["energy"],%s}""".formatted(
                                CommunityApi.uniqueEmail("traced"), CommunityApi.PASSWORD,
                                CommunityApi.consent(http))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String memberId = JsonPath.read(body, "$.member.id");

        ConsumerRecord<String, String> joined = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, r -> memberId.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
        String recorded = TopicReader.header(joined, "ce_traceparent");
        String sent = TopicReader.header(joined, TraceContext.TRACEPARENT);
        assertThat(TraceContext.traceId(recorded)).isEqualTo(TRACE_ID);
        // the producer's own span (KafkaTemplate's observation) in the request's trace, not a copy of the record's
        assertThat(TraceContext.traceId(sent)).isEqualTo(TRACE_ID);
        assertThat(sent).isNotEqualTo(recorded);
        // community-service reads its members topic too (the boards' names): its listener's span joins the trace
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(consumedInTrace)
                .containsEntry(memberId, TRACE_ID));
    }

    @Test
    void aJoinIsCountedForItsCityOnceSent() throws Exception {
        double before = joined("malmo");

        new CommunityApi(http).register("Counted", "malmo");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(joined("malmo")).isEqualTo(before + 1));
    }

    private double joined(String city) {
        var counter = meters.find("nzc.mission.members.joined").tag("city", city).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Notes the trace id of the span each consumed record of the members topic was handled in. */
    private record ConsumedTraces(Map<String, String> byKey) implements ObservationHandler<KafkaRecordReceiverContext> {

        @Override
        public void onStop(KafkaRecordReceiverContext context) {
            TracingContext tracing = context.get(TracingContext.class);
            if (tracing != null && tracing.getSpan() != null
                    && EventCatalog.COMMUNITY_MEMBERS_TOPIC.equals(context.getRecord().topic())) {
                byKey.put(String.valueOf(context.getRecord().key()), tracing.getSpan().context().traceId());
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof KafkaRecordReceiverContext;
        }
    }
}
