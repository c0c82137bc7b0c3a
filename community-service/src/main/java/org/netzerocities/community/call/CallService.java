package org.netzerocities.community.call;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.netzerocities.community.city.City;
import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.events.consumer.AppliedEvents;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityGrant;
import org.netzerocities.support.caller.CityRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

@Service
class CallService {

    private static final Logger log = LoggerFactory.getLogger(CallService.class);
    /** Collisions are rare (33 million codes per city); several in a row mean something else is wrong. */
    private static final int CODE_ATTEMPTS = 5;

    private final CallRepository calls;
    private final MongoTemplate mongo;
    private final CityCatalog cities;
    private final EventFactory events;
    private final CallCodes codes;
    private final Clock clock;

    CallService(CallRepository calls, MongoTemplate mongo, CityCatalog cities, EventFactory events, CallCodes codes,
            Clock clock) {
        this.calls = calls;
        this.mongo = mongo;
        this.cities = cities;
        this.events = events;
        this.codes = codes;
        this.clock = clock;
    }

    /**
     * Launches a call for the request's city, by default the caller's only transition-team city, with a code
     * no other call has.
     *
     * @throws ApiProblem 403 unless an admin or the city's transition team; 400 for an unknown city, a missing
     *                    one that cannot be inferred, or a closing date outside the next year
     */
    CallToJoin launch(CallRequest request, Caller caller) {
        String city = request.city() != null ? request.city() : defaultCity(caller);
        if (!caller.isAdmin() && !caller.holds(CityRole.TRANSITION_TEAM, city)) {
            throw ApiProblem.forbidden("Only the transition team of a city launches its calls to join");
        }
        if (!cities.exists(city)) {
            throw ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)");
        }
        // millisecond precision: what MongoDB stores, so the answer matches every later read
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var details = new CallToJoin.NewCall(city, request.title().strip(), request.message().strip(),
                normalise(request.topics()), request.closesAt().toInstant().truncatedTo(ChronoUnit.MILLIS));
        String id = UUID.randomUUID().toString();
        for (int attempt = 1;; attempt++) {
            try {
                CallToJoin call = calls.insert(
                        CallToJoin.launch(id, codes.next(city), details, caller.memberId(), now, events));
                log.info("Call {} launched in city {} with code {} by member {}", call.id(), city, call.code(),
                        caller.memberId());
                return call;
            }
            catch (DuplicateKeyException collision) {
                if (attempt == CODE_ATTEMPTS) {
                    throw new IllegalStateException("No free call code for " + city + " after " + attempt
                            + " attempts", collision);
                }
                log.info("Call code collision in city {}: drawing another", city);
            }
        }
    }

    Optional<CallToJoin> find(String code) {
        return CallCodes.normalise(code).flatMap(calls::findByCode);
    }

    /** The call behind a code, as the portal shows it. @throws ApiProblem 404 */
    CallView view(String code) {
        CallToJoin call = find(code).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "No call to join has this code"));
        return view(call);
    }

    CallView view(CallToJoin call) {
        return CallView.of(call, city(call.city()), clock.instant());
    }

    /** A city's calls, newest first. @throws ApiProblem 400 for an unknown city */
    Page<CallToJoin> of(String city, Pageable pageable) {
        if (!cities.exists(city)) {
            throw ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)");
        }
        return calls.findByCity(city, pageable);
    }

    List<CallToJoin> allOf(String city) {
        return calls.findByCityOrderByLaunchedAtDesc(city);
    }

    List<CallToJoin> launchedBy(String memberId) {
        return calls.findByLaunchedByOrderByLaunchedAtDesc(memberId);
    }

    /**
     * Counts a member who joined through {@code code}, at most once per event even when it is redelivered or
     * reaches two instances at once. A code that names no call counts nowhere: registration checks codes, so
     * only a member who joined before that check could carry one.
     */
    void countJoin(String code, String memberId, String eventId) {
        Optional<String> callId = CallCodes.normalise(code).flatMap(this::idOf);
        if (callId.isEmpty()) {
            log.warn("Member {} joined with a code that names no call: not counted (event {})", memberId, eventId);
            return;
        }
        if (AppliedEvents.applyOnce(mongo, CallToJoin.COLLECTION, callId.get(), eventId,
                new Update().inc("joins", 1), false)) {
            log.info("Call {} counted the join of member {} (event {})", callId.get(), memberId, eventId);
        }
    }

    /**
     * Removes an erased member from the calls they launched; the calls stay with their city. Idempotent, so a
     * redelivery is harmless. The version moves so that a stale whole-document save cannot bring them back.
     */
    void forgetLauncher(String memberId) {
        long anonymised = mongo.updateMulti(Query.query(Criteria.where("launchedBy").is(memberId)),
                new Update().set("launchedBy", null).inc("version", 1), CallToJoin.COLLECTION).getModifiedCount();
        if (anonymised > 0) {
            log.info("Erased member {} removed as launcher of {} calls", memberId, anonymised);
        }
    }

    private Optional<String> idOf(String code) {
        Query byCode = Query.query(Criteria.where("code").is(code));
        byCode.fields().include("_id");
        return Optional.ofNullable(mongo.findOne(byCode, Document.class, CallToJoin.COLLECTION))
                .map(found -> found.getString("_id"));
    }

    City city(String id) {
        return cities.find(id).orElseThrow(() -> new IllegalStateException("Call of unknown city " + id));
    }

    private static String defaultCity(Caller caller) {
        List<String> teamCities = caller.grants().stream().filter(grant -> grant.role() == CityRole.TRANSITION_TEAM)
                .map(CityGrant::city).distinct().toList();
        if (teamCities.size() != 1) {
            throw ApiProblem.invalid("city", teamCities.isEmpty() ? "is required"
                    : "is required: you are in the transition team of several cities");
        }
        return teamCities.get(0);
    }

    private static List<String> normalise(List<String> topics) {
        return topics == null ? List.of()
                : topics.stream().map(topic -> topic.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
