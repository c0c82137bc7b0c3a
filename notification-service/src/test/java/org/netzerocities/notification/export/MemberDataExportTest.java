package org.netzerocities.notification.export;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.List;
import java.util.UUID;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.testsupport.MemberExportContract;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.ResultMatcher;

/** The member's data export of notification-service: their own contact and inbox only, whatever the request. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class MemberDataExportTest extends MemberExportContract {

    @Autowired
    MemberContactRepository contacts;
    @Autowired
    MongoTemplate mongo;

    @Override
    protected String exportRoute() {
        return "/api/notifications/me/export";
    }

    /** A member who joined in {@code city}, with their contact and their welcome. */
    @Override
    protected String memberIn(String city) {
        String memberId = UUID.randomUUID().toString();
        join(memberId, city, "sv");
        send(TestEvents.event(codec, EventCatalog.MEMBER_CONTACT_CHANGED, memberId,
                new MemberContactChanged(memberId, memberId + "@example.org", true, "sv", "Europe/Stockholm", "Ana")));
        await().atMost(CONSUMED_WITHIN).until(() -> contacts.findById(memberId)
                .map(contact -> contact.email() != null && contact.city() != null).orElse(false)
                && mongo.exists(Query.query(Criteria.where("memberId").is(memberId)), "notifications"));
        return memberId;
    }

    @Override
    protected List<ResultMatcher> holdsTheDataOf(String memberId, String city) {
        return List.of(
                jsonPath("$.contact.memberId").value(memberId),
                jsonPath("$.contact.email").value(memberId + "@example.org"),
                jsonPath("$.contact.city").value(city),
                jsonPath("$.contact.appliedEvents").doesNotExist(),
                jsonPath("$.notifications.length()").value(1),
                jsonPath("$.notifications[0].memberId").value(memberId),
                jsonPath("$.notifications[0].kind").value("WELCOME"),
                jsonPath("$.notifications[0].seq").isNumber());
    }

    @Override
    protected List<ResultMatcher> holdsNothing() {
        return List.of(
                jsonPath("$.contact").value(nullValue()),
                jsonPath("$.notifications").isEmpty());
    }
}
