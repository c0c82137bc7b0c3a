package org.netzerocities.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.contract.campaign.ChannelCreated;
import org.netzerocities.events.contract.campaign.ChannelTeamChanged;
import org.netzerocities.events.contract.campaign.ChannelCredentialExpiring;
import org.netzerocities.events.contract.campaign.ChannelDormant;
import org.netzerocities.events.contract.campaign.CampaignLaunched;
import org.netzerocities.events.contract.campaign.CallToActionLaunched;
import org.netzerocities.events.contract.campaign.CallToActionResponded;
import org.netzerocities.events.contract.campaign.CampaignPostSubmitted;
import org.netzerocities.events.contract.campaign.CampaignPostApproved;
import org.netzerocities.events.contract.campaign.CampaignPostRejected;
import org.netzerocities.events.contract.campaign.CampaignPostPublished;
import org.netzerocities.events.contract.campaign.CampaignPostPublishFailed;
import org.netzerocities.events.contract.campaign.EngagementPlanShared;
import org.netzerocities.events.contract.community.EmailVerificationRequested;
import org.netzerocities.events.contract.community.PasswordResetRequested;
import org.netzerocities.events.contract.community.EmailChangeRequested;
import org.netzerocities.events.contract.community.EmailChanged;
import org.netzerocities.events.contract.community.PasswordChanged;
import org.netzerocities.events.contract.community.TermsVersionPublished;
import org.netzerocities.events.contract.community.CallToJoinLaunched;
import org.netzerocities.events.contract.community.EventCancelled;
import org.netzerocities.events.contract.community.EventRegistrationChanged;
import org.netzerocities.events.contract.community.EventReminderDue;
import org.netzerocities.events.contract.community.EventScheduled;
import org.netzerocities.events.contract.community.EventUpdated;
import org.netzerocities.events.contract.community.CollaborationAnswered;
import org.netzerocities.events.contract.community.CollaborationRequested;
import org.netzerocities.events.contract.community.ContentPinned;
import org.netzerocities.events.contract.community.FrontrunnerRequestAnswered;
import org.netzerocities.events.contract.community.FrontrunnerRequested;
import org.netzerocities.events.contract.community.ManifestoAccepted;
import org.netzerocities.events.contract.community.ManifestoVersionPublished;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberReinstated;
import org.netzerocities.events.contract.community.MemberSuspended;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.contract.community.MemberRoleGranted;
import org.netzerocities.events.contract.community.MemberRoleRevoked;
import org.netzerocities.events.contract.community.OnboardingCompleted;
import org.netzerocities.events.contract.community.MemberMentioned;
import org.netzerocities.events.contract.community.PostHidden;
import org.netzerocities.events.contract.community.PostPublished;
import org.netzerocities.events.contract.community.PostReported;
import org.netzerocities.events.contract.community.ThreadReplied;
import org.netzerocities.events.contract.community.ThreadStarted;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.contract.learning.LearnerWithdrawn;
import org.netzerocities.events.contract.learning.DiscussionSessionScheduled;
import org.netzerocities.events.contract.learning.LearnerQuestionAsked;
import org.netzerocities.events.contract.learning.LearnerQuestionAnswered;
import org.netzerocities.events.contract.learning.UnitCompleted;
import org.netzerocities.events.contract.learning.HomeworkSubmitted;
import org.netzerocities.events.contract.learning.HomeworkReviewed;
import org.netzerocities.events.contract.learning.ModuleCompleted;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.events.contract.learning.CohortStarted;
import org.netzerocities.events.contract.learning.CohortUpdated;
import org.netzerocities.events.contract.community.GroupCreated;
import org.netzerocities.events.contract.community.GroupJoinAnswered;
import org.netzerocities.events.contract.community.GroupJoinRequested;
import org.netzerocities.events.contract.community.GroupMemberJoined;
import org.netzerocities.events.contract.community.GroupMemberLeft;
import org.netzerocities.events.kafka.EventCodec;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The published contract: every event type has a schema and its samples validate ({@code AsyncApiDocumentsTest}
 * checks the AsyncAPI entries, {@code SchemaReleaseCompatibilityTest} the changes since the latest release).
 */
class EventContractTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:30Z");

    /** One realistic sample per event type; a type added to the catalog without a sample fails the build. */
    private static final Map<String, Object> SAMPLES = Map.ofEntries(
            sample(EventCatalog.MEMBER_JOINED, new MemberJoined("m-1", "Ana", "cluj-napoca", List.of("ro", "en"),
                    List.of("energy", "mobility"), "Europe/Bucharest", "CLUJ-7KQ2", "nzc-spring-2027", true, AT)),
            sample(EventCatalog.MEMBER_PROFILE_UPDATED, new MemberProfileUpdated("m-1", "Ana P.", "milano",
                    "cluj-napoca", List.of("ro", "it"), List.of("energy"), "Europe/Rome", true, true, AT)),
            sample(EventCatalog.MEMBER_ROLE_GRANTED, new MemberRoleGranted("m-1", "FRONTRUNNER", "cluj-napoca", "m-2", AT)),
            sample(EventCatalog.MEMBER_ROLE_REVOKED, new MemberRoleRevoked("m-1", "FRONTRUNNER", "cluj-napoca", null, AT)),
            sample(EventCatalog.FRONTRUNNER_REQUESTED, new FrontrunnerRequested("r-1", "m-1", "Ana", "cluj-napoca",
                    "I run the repair café of my district", AT)),
            sample(EventCatalog.FRONTRUNNER_REQUEST_ANSWERED, new FrontrunnerRequestAnswered("r-1", "m-1",
                    "cluj-napoca", "GRANTED", "m-2", AT)),
            sample(EventCatalog.MANIFESTO_ACCEPTED, new ManifestoAccepted("m-1", 2, AT)),
            sample(EventCatalog.ONBOARDING_COMPLETED, new OnboardingCompleted("m-1", "cluj-napoca", AT)),
            sample(EventCatalog.MEMBER_ERASED, new MemberErased("m-1", "cluj-napoca", AT)),
            sample(EventCatalog.MEMBER_REINSTATED, new MemberReinstated("m-1", AT)),
            sample(EventCatalog.MEMBER_SUSPENDED, new MemberSuspended("m-1", AT)),
            sample(EventCatalog.MEMBER_CONTACT_CHANGED, new MemberContactChanged("m-1", "ana@example.org", false, "ro",
                    "Europe/Bucharest", "Ana")),
            sample(EventCatalog.CALL_TO_JOIN_LAUNCHED, new CallToJoinLaunched("c-1", "CLUJ-7KQ2", "cluj-napoca",
                    "Cluj needs its climate champions", List.of("energy", "mobility"), AT.plusSeconds(86_400 * 30), "m-2",
                    AT)),
            sample(EventCatalog.MANIFESTO_VERSION_PUBLISHED, new ManifestoVersionPublished(2, AT,
                    "Adds a commitment to inclusive, multilingual events")),
            sample(EventCatalog.EVENT_SCHEDULED, new EventScheduled("ev-1", "Repair café", "cluj-napoca", "HYBRID",
                    AT, AT.plusSeconds(7200), "Europe/Bucharest", "ro", List.of("circular-economy"), "m-1", "g-1")),
            sample(EventCatalog.EVENT_UPDATED, new EventUpdated("ev-1", "Repair café (new room)", "cluj-napoca",
                    "HYBRID", AT, AT.plusSeconds(7200), "Europe/Bucharest", "ro", List.of("circular-economy"), "m-1",
                    null, 2, List.of("m-2", "m-3"))),
            sample(EventCatalog.EVENT_CANCELLED, new EventCancelled("ev-1", "Repair café", AT, "The venue is closed",
                    List.of("m-2", "m-3"))),
            sample(EventCatalog.EVENT_REGISTRATION_CHANGED, new EventRegistrationChanged("ev-1", "Repair café", AT,
                    "m-2", "WAITLISTED")),
            sample(EventCatalog.EVENT_REMINDER_DUE, new EventReminderDue("ev-1", "m-2", "Repair café", AT,
                    "Europe/Bucharest")),
            sample(EventCatalog.CONTENT_PINNED, new ContentPinned("p-1", "m-1", "cluj-napoca",
                    "https://www.instagram.com/p/C0ffee/?img_index=1", List.of("energy", "repair-cafe"),
                    "Our repair café, one year on", "SOCIAL_POST", AT)),
            sample(EventCatalog.COLLABORATION_REQUESTED, new CollaborationRequested("cr-1", "m-1", "cluj-napoca",
                    "Solar panels on school roofs", "EXPERTISE", AT)),
            sample(EventCatalog.COLLABORATION_ANSWERED, new CollaborationAnswered("cr-1", "m-1", "cluj-napoca",
                    "MORE_INFO", "m-2", AT)),
            // message boards (issue 7)
            sample(EventCatalog.THREAD_STARTED, new ThreadStarted("t-1", "g-1", "m-1", "Rooftop solar in Cluj")),
            sample(EventCatalog.POST_PUBLISHED, new PostPublished("t-1.2", "t-1", "g-1", "m-2")),
            sample(EventCatalog.THREAD_REPLIED, new ThreadReplied("t-1", "Rooftop solar in Cluj", "g-1", "t-1.2", "m-2",
                    List.of("m-1"))),
            sample(EventCatalog.MEMBER_MENTIONED, new MemberMentioned("t-1.2", "t-1", "Rooftop solar in Cluj", "g-1",
                    "m-2", "m-3")),
            sample(EventCatalog.POST_REPORTED, new PostReported("t-1.2", "t-1", "g-1", List.of("m-1"))),
            sample(EventCatalog.POST_HIDDEN, new PostHidden("t-1.2", "t-1", "m-2", "m-1", "Off-topic advertising")),
            sample(EventCatalog.LEARNER_ENROLLED, new LearnerEnrolled("co-1", "Spring 2027, English", "e-1", "m-1",
                    "ENROLLED")),
            sample(EventCatalog.CERTIFICATE_ISSUED, new CertificateIssued("ce-1", "m-1", "co-1", "NZC-7K2Q-9XWD", AT, "e-1")),
            sample(EventCatalog.CERTIFICATE_REVOKED, new CertificateRevoked("ce-1", "m-1", "Issued in error")),
            // sub-groups (issue 7)
            sample(EventCatalog.GROUP_CREATED, new GroupCreated("g-1", "Cluj energy communities", "PUBLIC",
                    "cluj-napoca", "energy", null, List.of("m-1"))),
            sample(EventCatalog.GROUP_MEMBER_JOINED, new GroupMemberJoined("g-1", "Cluj energy communities", "m-2")),
            sample(EventCatalog.GROUP_MEMBER_LEFT, new GroupMemberLeft("g-1", "Cluj energy communities", "m-2")),
            sample(EventCatalog.GROUP_JOIN_REQUESTED, new GroupJoinRequested("g-2", "Retrofit circle", "m-3",
                    List.of("m-1", "m-4"))),
            sample(EventCatalog.GROUP_JOIN_ANSWERED, new GroupJoinAnswered("g-2", "Retrofit circle", "m-3",
                    "APPROVED")),
            sample(EventCatalog.COHORT_STARTED, new CohortStarted("co-1", "Spring 2027, English", "en",
                    List.of("f-1"), LocalDate.parse("2027-03-01"), LocalDate.parse("2027-06-30"), 30)),
            sample(EventCatalog.COHORT_UPDATED, new CohortUpdated("co-1", "Spring 2027, English", "en",
                    List.of("f-1", "f-2"), LocalDate.parse("2027-03-01"), LocalDate.parse("2027-06-30"), 30,
                    List.of("m-1"))),
            sample(EventCatalog.LEARNER_WITHDRAWN, new LearnerWithdrawn("co-1", "e-1", "m-1")),
            // the programme (issue 8)
            sample(EventCatalog.DISCUSSION_SESSION_SCHEDULED, new DiscussionSessionScheduled("co-1", "Spring 2027, English", "s-1", "m1", AT, 90, "https://meet.example.org/nzc-co-1-s1", List.of("m-1"), List.of("f-1"), "SCHEDULED")),
            sample(EventCatalog.LEARNER_QUESTION_ASKED, new LearnerQuestionAsked("q-1", "co-1", "Spring 2027, English", "e-1", "m-1", List.of("f-1"))),
            sample(EventCatalog.LEARNER_QUESTION_ANSWERED, new LearnerQuestionAnswered("q-1", "co-1", "Spring 2027, English", "e-1", "m-1", List.of("f-1"), "f-1")),
            sample(EventCatalog.UNIT_COMPLETED, new UnitCompleted("e-1", "m-1", "co-1", "m1", "m1-u1", 1, AT)),
            sample(EventCatalog.HOMEWORK_SUBMITTED, new HomeworkSubmitted("h-1", "e-1", "m-1", "co-1", "m1", "m1-u1", "The Cities Mission and its 112 cities", List.of("f-1"), AT)),
            sample(EventCatalog.HOMEWORK_REVIEWED, new HomeworkReviewed("h-1", "e-1", "m-1", "co-1", "m1-u1", "The Cities Mission and its 112 cities", "RETURNED", "Name one action of your city's CCC.", "f-1", AT)),
            sample(EventCatalog.MODULE_COMPLETED, new ModuleCompleted("e-1", "m-1", "co-1", "m1", "The Cities Mission and NZC", List.of("f-1"), AT)),
            sample(EventCatalog.PROGRAM_COMPLETED, new ProgramCompleted("e-1", "m-1", "co-1", "Spring 2027, English", AT)),
            // the engagement plan (issue 9)
            sample(EventCatalog.CHANNEL_CREATED, new ChannelCreated("ch-1", "NZCommunities_Lisbon", "lisbon", "pt", AT)),
            sample(EventCatalog.CHANNEL_TEAM_CHANGED, new ChannelTeamChanged("ch-1", "NZCommunities_Lisbon", "m-1", "LEADERSHIP_TEAM", "APPOINTED")),
            sample(EventCatalog.CHANNEL_CREDENTIAL_EXPIRING, new ChannelCredentialExpiring("ch-1", "NZCommunities_Lisbon", AT, "The token was revoked", List.of("m-1"), List.of("m-2"))),
            sample(EventCatalog.CHANNEL_DORMANT, new ChannelDormant("ch-1", "NZCommunities_Lisbon", "lisbon", AT, "P7D", List.of("m-1"), List.of("m-2"))),
            sample(EventCatalog.CAMPAIGN_LAUNCHED, new CampaignLaunched("c-1", "nzc-lisbon-spring", "ch-1", "COMMUNICATION_SERIES", "Voices of the transition", List.of("CITIZENS"), "EXPANDING_KNOWLEDGE", AT, AT.plusSeconds(86400))),
            sample(EventCatalog.CALL_TO_ACTION_LAUNCHED, new CallToActionLaunched("c-2", "nzc-lisbon-trees", "ch-1", "lisbon", "Plant a street tree", AT)),
            sample(EventCatalog.CALL_TO_ACTION_RESPONDED, new CallToActionResponded("c-2", "m-3", AT)),
            sample(EventCatalog.CAMPAIGN_POST_SUBMITTED, new CampaignPostSubmitted("p-1", "c-1", "ch-1", "m-1", List.of("m-2"))),
            sample(EventCatalog.CAMPAIGN_POST_APPROVED, new CampaignPostApproved("p-1", "c-1", "ch-1", "m-2", null, List.of("m-1"))),
            sample(EventCatalog.CAMPAIGN_POST_REJECTED, new CampaignPostRejected("p-1", "c-1", "ch-1", "m-2", "Please credit the photographer", List.of("m-1"))),
            sample(EventCatalog.CAMPAIGN_POST_PUBLISHED, new CampaignPostPublished("p-1", "c-1", "ch-1", AT, "https://www.instagram.com/p/C0ffee/")),
            sample(EventCatalog.CAMPAIGN_POST_PUBLISH_FAILED, new CampaignPostPublishFailed("p-1", "c-1", "ch-1", "The image URL could not be fetched", List.of("m-1"))),
            sample(EventCatalog.ENGAGEMENT_PLAN_SHARED, new EngagementPlanShared("ep-1", "m-1", "lisbon", "Marvila talks climate")),
            // account security and terms (issue 10)
            sample(EventCatalog.EMAIL_VERIFICATION_REQUESTED, new EmailVerificationRequested("m-1", "https://portal.example.org/verify-email?token=abc", AT, AT.plusSeconds(86_400))),
            sample(EventCatalog.PASSWORD_RESET_REQUESTED, new PasswordResetRequested("m-1", "https://portal.example.org/reset-password?token=abc", AT, AT.plusSeconds(3_600))),
            sample(EventCatalog.EMAIL_CHANGE_REQUESTED, new EmailChangeRequested("m-1", "ana.new@example.org", "https://portal.example.org/confirm-email?token=abc", AT, AT.plusSeconds(86_400))),
            sample(EventCatalog.EMAIL_CHANGED, new EmailChanged("m-1", "ana@example.org", AT)),
            sample(EventCatalog.PASSWORD_CHANGED, new PasswordChanged("m-1", AT)),
            sample(EventCatalog.TERMS_VERSION_PUBLISHED, new TermsVersionPublished(3, AT, "Clearer wording on newsletters")));


    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final EventCodec codec = new EventCodec();

    static Stream<EventType<?>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleOfEveryTypeValidatesAgainstItsSchema(EventType<?> type) throws Exception {
        assertThat(SAMPLES).as("sample for %s", type.type()).containsKey(type.type());
        String json = codec.write(SAMPLES.get(type.type()));

        List<Error> errors = schema(type).validate(json, InputFormat.JSON);

        assertThat(errors).as("%s sample %s", type.type(), json).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaRejectsAPayloadMissingRequiredFields(EventType<?> type) throws Exception {
        assertThat(schema(type).validate("{}", InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void typeNamesAreUniqueAndVersioned() {
        assertThat(EventCatalog.all()).extracting(EventType::type).doesNotHaveDuplicates()
                .allMatch(t -> t.matches(".*\\.v\\d+$"));
    }

    private static <T> Map.Entry<String, Object> sample(EventType<T> type, T payload) {
        return Map.entry(type.type(), payload);
    }

    private Schema schema(EventType<?> type) throws Exception {
        InputStream in = getClass().getClassLoader().getResourceAsStream(type.schema());
        assertThat(in).as("JSON Schema %s", type.schema()).isNotNull();
        try (in) {
            return SCHEMAS.getSchema(in);
        }
    }
}
