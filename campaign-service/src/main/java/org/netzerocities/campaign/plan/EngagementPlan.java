package org.netzerocities.campaign.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.EngagementPlanShared;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A frontrunner's own plan to spread awareness of the Cities Mission in their community. Only they change it;
 * once shared, their city's transition team reads it as it stands, progress included.
 *
 * <p>Two counters: {@code revision} changes with every change the frontrunner makes and is what a client sends
 * back to replace the plan (a stale one is refused, so one tab cannot silently undo another's work); the
 * {@code @Version} also changes when the outbox relay removes sent events, which is no reason to refuse a client.
 */
@Document(EngagementPlan.COLLECTION)
@CompoundIndex(name = "member_slot", def = "{'memberId': 1, 'slot': 1}", unique = true)
@CompoundIndex(name = "shared_city", def = "{'sharedWith': 1, 'sharedAt': -1}")
class EngagementPlan implements OutboxAggregate {

    static final String COLLECTION = "engagement_plans";
    static final String MEMBER_ID = "memberId";
    static final String SHARED_WITH = "sharedWith";
    static final String SHARED_AT = "sharedAt";
    static final String CREATED_AT = "createdAt";
    /** Nothing of the Cities Mission happened before it was announced. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(2021, 1, 1);
    /** How far ahead an action may be dated: a plan, not a wish list for the next decade. */
    static final int YEARS_AHEAD = 5;

    @Id
    private final String id;
    private final String memberId;
    /**
     * The member's n-th plan, 0-based: unique per member, so two instances creating plans at the same moment
     * cannot both take the last place below {@link PlanText#MAX_PLANS}.
     */
    private final int slot;
    /** The member's city when they wrote or last shared the plan. */
    private String city;
    private String title;
    private String goals;
    private String audience;
    private List<String> channels;
    private List<PlannedAction> actions;
    private List<String> contentLinks;
    /** The city whose transition team reads the plan, once shared. */
    private String sharedWith;
    private Instant sharedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private long revision;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    EngagementPlan(String id, String memberId, int slot, String city, String title, String goals, String audience,
            List<String> channels, List<PlannedAction> actions, List<String> contentLinks, String sharedWith,
            Instant sharedAt, Instant createdAt, Instant updatedAt, long revision, Long version,
            List<PendingEvent> outbox) {
        this.id = id;
        this.memberId = memberId;
        this.slot = slot;
        this.city = city;
        this.title = title;
        this.goals = goals;
        this.audience = audience;
        this.channels = channels == null ? List.of() : List.copyOf(channels);
        this.actions = actions == null ? List.of() : List.copyOf(actions);
        this.contentLinks = contentLinks == null ? List.of() : List.copyOf(contentLinks);
        this.sharedWith = sharedWith;
        this.sharedAt = sharedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.revision = revision;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /**
     * A new plan of the member, who lives in {@code city}, as their {@code slot}-th.
     *
     * @throws ApiProblem 400 when an action names an id (a new plan has none yet), a date is not sane or a link
     *                    names no host
     */
    static EngagementPlan write(String id, String memberId, String city, int slot, PlanRequest request,
            LocalDate today, Instant now) {
        var plan = new EngagementPlan(id, memberId, slot, city, null, null, null, null, null, null, null, null, now,
                now, 0, null, null);
        plan.apply(request, Map.of(), today, now);
        return plan;
    }

    /**
     * Replaces what the frontrunner wrote: actions sent with their id keep their status and notes.
     *
     * @throws ApiProblem 409 when the request's revision is not the plan's current one; 400 when it names no
     *                    revision, an action id twice or one the plan does not have, a date is not sane or a link
     *                    names no host
     */
    void revise(PlanRequest request, LocalDate today, Instant now) {
        if (request.revision() == null) {
            throw ApiProblem.invalid("revision", "must be the revision of the plan as read");
        }
        if (request.revision() != revision) {
            throw ApiProblem.conflict("stale-plan", "The plan changed since revision " + request.revision()
                    + " (it is at " + revision + "); read it again and reapply your changes");
        }
        apply(request, actions.stream().collect(Collectors.toMap(PlannedAction::id, Function.identity())), today,
                now);
        revision++;
    }

    /**
     * Records progress on one action.
     *
     * @throws ApiProblem 404 when the plan has no such action, 400 when the update says nothing, 409 when the
     *                    action is closed or full of notes
     */
    void progress(String actionId, ActionUpdate update, Instant now) {
        if (update.status() == null && update.note() == null) {
            throw ApiProblem.invalid("status", "send a status, a note or both");
        }
        int index = indexOf(actionId);
        var after = new ArrayList<>(actions);
        after.set(index, actions.get(index).progressed(update.status(),
                update.note() == null ? null : update.note().strip(), now));
        actions = List.copyOf(after);
        updatedAt = now;
        revision++;
    }

    /**
     * Shares the plan with the transition team of {@code memberCity}, the member's city now, and announces it
     * with {@code EngagementPlanShared}. Sharing again with the same city changes nothing: the team reads the plan
     * as it stands anyway.
     *
     * @return whether the plan was newly shared (with this city)
     */
    boolean share(String memberCity, EventFactory events, Instant now) {
        if (memberCity.equals(sharedWith)) {
            return false;
        }
        city = memberCity;
        sharedWith = memberCity;
        sharedAt = now;
        outbox.add(events.create(EventCatalog.ENGAGEMENT_PLAN_SHARED, id,
                new EngagementPlanShared(id, memberId, memberCity, title)));
        return true;
    }

    private void apply(PlanRequest request, Map<String, PlannedAction> kept, LocalDate today, Instant now) {
        Set<String> seen = new HashSet<>();
        List<PlannedAction> written = new ArrayList<>();
        for (int i = 0; i < request.actionList().size(); i++) {
            PlanRequest.ActionRequest action = request.actionList().get(i);
            String field = "actions[" + i + "]";
            checkDate(field + ".dueOn", action.dueOn(), today);
            String actionTitle = action.title().strip();
            if (action.id() == null || action.id().isEmpty()) {
                written.add(PlannedAction.planned(UUID.randomUUID().toString(), actionTitle, action.dueOn(), now));
            }
            else if (!kept.containsKey(action.id()) || !seen.add(action.id())) {
                throw ApiProblem.invalid(field + ".id", "must name an action of this plan, once; new actions have "
                        + "no id");
            }
            else {
                written.add(kept.get(action.id()).revised(actionTitle, action.dueOn(), now));
            }
        }
        for (int i = 0; i < request.linkList().size(); i++) {
            checkLink("contentLinks[" + i + "]", request.linkList().get(i));
        }
        title = request.title().strip();
        goals = text(request.goals());
        audience = text(request.audience());
        channels = request.channelList().stream().map(String::strip).toList();
        actions = List.copyOf(written);
        contentLinks = List.copyOf(request.linkList());
        updatedAt = now;
    }

    private static void checkDate(String field, LocalDate date, LocalDate today) {
        LocalDate latest = today.plusYears(YEARS_AHEAD);
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(latest)) {
            throw ApiProblem.invalid(field, "must lie between " + EARLIEST_DATE + " and " + latest);
        }
    }

    /** The request's pattern lets through what java.net.URI parses without a host; this does not. */
    private static void checkLink(String field, String link) {
        try {
            if (new URI(link).getHost() == null) {
                throw ApiProblem.invalid(field, PlanText.HTTPS_URL_MESSAGE);
            }
        }
        catch (URISyntaxException ex) {
            throw ApiProblem.invalid(field, PlanText.HTTPS_URL_MESSAGE);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private int indexOf(String actionId) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).id().equals(actionId)) {
                return i;
            }
        }
        throw ApiProblem.notFound("Action " + actionId + " of plan " + id);
    }

    boolean ownedBy(String callerId) {
        return memberId.equals(callerId);
    }

    String id() {
        return id;
    }

    String memberId() {
        return memberId;
    }

    String city() {
        return city;
    }

    String title() {
        return title;
    }

    String goals() {
        return goals;
    }

    String audience() {
        return audience;
    }

    List<String> channels() {
        return channels;
    }

    List<PlannedAction> actions() {
        return actions;
    }

    List<String> contentLinks() {
        return contentLinks;
    }

    String sharedWith() {
        return sharedWith;
    }

    Instant sharedAt() {
        return sharedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long revision() {
        return revision;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
