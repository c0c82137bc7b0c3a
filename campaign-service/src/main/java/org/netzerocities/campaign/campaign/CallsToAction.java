package org.netzerocities.campaign.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.ApiProblem.FieldError;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Members respond to calls to action, once each, before the deadline. */
@Service
class CallsToAction {

    private static final Logger log = LoggerFactory.getLogger(CallsToAction.class);

    private final MongoTemplate mongo;
    private final Campaigns campaigns;
    private final EventFactory events;
    private final Clock clock;

    CallsToAction(MongoTemplate mongo, Campaigns campaigns, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the caller's answers, announced with CallToActionResponded.
     *
     * @throws ApiProblem 404 no such call to action, 400 answers that do not fit the form, 409 past the deadline or
     *                    answered already
     */
    CallToActionResponse respond(String campaignId, ResponseForm form, Caller caller) {
        Campaign campaign = campaigns.find(campaignId);
        if (campaign.kind() != CampaignKind.CALL_TO_ACTION) {
            throw ApiProblem.notFound("Call to action " + campaignId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!campaign.acceptsResponsesAt(now)) {
            throw ApiProblem.conflict("deadline-passed", "The deadline of this call to action has passed");
        }
        Map<String, String> answers = checked(campaign.callToAction(), form.answers());
        CallToActionResponse response;
        try {
            response = mongo.insert(CallToActionResponse.of(UUID.randomUUID().toString(), campaignId,
                    caller.memberId(), answers, now, events));
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict("already-responded", "You have responded to this call to action already");
        }
        log.info("Member {} responded to call to action {} (response {})", caller.memberId(), campaignId,
                response.id());
        return response;
    }

    /** How many members responded to the call. */
    long responses(String campaignId) {
        return mongo.count(Query.query(Criteria.where(CallToActionResponse.CAMPAIGN_ID).is(campaignId)),
                CallToActionResponse.class);
    }

    /** Answers to the form's questions only, every required one answered, blank answers dropped. */
    static Map<String, String> checked(NewCampaign.CallToAction call, Map<String, String> answers) {
        Set<String> questions = call.questions().stream().map(NewCampaign.Question::id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        if (!questions.containsAll(answers.keySet())) {
            errors.add(new FieldError("answers", "name a question the form does not have"));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (NewCampaign.Question question : call.questions()) {
            String answer = answers.get(question.id());
            if (answer != null && !answer.isBlank()) {
                kept.put(question.id(), answer.strip());
            }
            else if (question.required()) {
                errors.add(new FieldError("answers." + question.id(), "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return kept;
    }
}
