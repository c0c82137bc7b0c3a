package org.netzerocities.community.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.Role;
import org.netzerocities.community.member.RoleGrant;
import org.netzerocities.community.member.SocialHandles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The members listed in the directory, held in memory by each instance and searched there. On the embedded
 * MongoDB-wire server every query scans the whole collection (a count and a sorted page cost two scans, about
 * 15 ms at 10,000 members and seconds at 100,000 in the durable store), so searching the database per request
 * cannot keep the directory fast; a few hundred bytes per listed member can.
 * <p>
 * Loaded with one scan at start-up, once the consumer of member events is positioned; then each member is
 * reloaded by id when this instance saves them and, for other instances' writes, on each of their member events
 * ({@link DirectoryRefresh}). A reload reads the member as stored, so events arriving twice or out of order leave
 * the right state; and a member's reloads (and the load's put) run one at a time, each reading and applying under
 * the member's lock: otherwise a reload that read the member just before a save could apply that older state
 * after the save's reload, and list an erased member until their next event.
 */
class ListedMembers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ListedMembers.class);
    private static final String[] FIELDS = { "displayName", Member.CITY, Member.LANGUAGES, Member.INTERESTS, "bio",
            "socialHandles", Member.ROLES, Member.KEYWORDS, Member.SORT_NAME, Member.JOINED_AT,
            Member.DIRECTORY_VISIBLE, Member.ERASED_AT };
    static final Comparator<Listed> BY_NAME = Comparator.comparing(Listed::sortName, Comparator.nullsLast(
            Comparator.naturalOrder())).thenComparing(listed -> listed.card().id());
    static final Comparator<Listed> NEWEST_FIRST = Comparator.comparing(Listed::joinedAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(listed -> listed.card().id());

    private final MongoTemplate mongo;
    private final Map<String, Listed> listed = new ConcurrentHashMap<>();
    /** Members reloaded one by one while a full load ran: the full load must not overwrite them with older state. */
    private final Set<String> reloadedDuringLoad = ConcurrentHashMap.newKeySet();
    private volatile boolean loading;
    private volatile Orders orders;
    private volatile boolean running;
    private final CountDownLatch positioned = new CountDownLatch(1);
    /** A member's reloads hold one of these while they read and apply: few enough, since they are brief. */
    private final Object[] memberLocks = new Object[64];
    private static final Duration POSITIONING_WAIT = Duration.ofSeconds(30);

    ListedMembers(MongoTemplate mongo) {
        this.mongo = mongo;
        Arrays.setAll(memberLocks, i -> new Object());
    }

    /**
     * A listed member: the public card and what the directory filters and orders by. Kept small, as every
     * instance holds all of them: the search words as one string ({@code " zurich energie ana "}, so that a
     * word is a prefix of a member's word where {@code " " + word} occurs), shared strings for the values many
     * members have in common (city, languages, topics, role lists).
     */
    record Listed(MemberCard card, String sortName, Instant joinedAt, String keywords) {

        boolean hasWordStartingWith(String word) {
            return keywords.contains(" " + word);
        }
    }

    private static final List<RoleGrant> MEMBER_ONLY = List.of(RoleGrant.global(Role.MEMBER));
    private static final SocialHandles NO_HANDLES = new SocialHandles(null, null, null);

    /** The listed members in each order the directory offers, rebuilt after a change when next needed. */
    private record Orders(List<Listed> byName, List<Listed> newestFirst) {
    }

    /** Reads every listed member: one scan. */
    void loadAll() {
        loading = true;
        reloadedDuringLoad.clear();
        try {
            Query query = Query.query(Criteria.where(Member.DIRECTORY_VISIBLE).is(true)
                    .and(Member.ERASED_AT).exists(false));
            query.fields().include(FIELDS);
            Set<String> seen = new HashSet<>();
            for (Document member : mongo.find(query, Document.class, Member.COLLECTION)) {
                String id = member.getString("_id");
                seen.add(id);
                synchronized (lockOf(id)) {
                    if (!reloadedDuringLoad.contains(id)) {
                        put(id, member);
                    }
                }
            }
            listed.keySet().removeIf(id -> !seen.contains(id) && !reloadedDuringLoad.contains(id));
        }
        finally {
            loading = false;
            orders = null;
        }
        log.info("Directory loaded: {} listed members", listed.size());
    }

    /** Reads one member again, after a change this instance or another made. */
    void reload(String memberId) {
        Query query = Query.query(Criteria.where("_id").is(memberId));
        query.fields().include(FIELDS);
        synchronized (lockOf(memberId)) {
            apply(memberId, mongo.findOne(query, Document.class, Member.COLLECTION));
        }
    }

    private Object lockOf(String memberId) {
        return memberLocks[Math.floorMod(memberId.hashCode(), memberLocks.length)];
    }

    /** Takes a member as stored (or {@code null} when there is none). */
    private void apply(String memberId, Document member) {
        if (loading) {
            reloadedDuringLoad.add(memberId);
        }
        if (member != null && Boolean.TRUE.equals(member.getBoolean(Member.DIRECTORY_VISIBLE))
                && member.get(Member.ERASED_AT) == null) {
            put(memberId, member);
        }
        else {
            listed.remove(memberId);
        }
        orders = null;
    }

    List<Listed> inOrder(DirectorySort sort) {
        Orders current = orders;
        if (current == null) {
            current = order();
        }
        return sort == DirectorySort.NEWEST ? current.newestFirst() : current.byName();
    }

    private synchronized Orders order() {
        if (orders == null) {
            List<Listed> all = new ArrayList<>(listed.values());
            List<Listed> byName = new ArrayList<>(all);
            byName.sort(BY_NAME);
            all.sort(NEWEST_FIRST);
            orders = new Orders(List.copyOf(byName), List.copyOf(all));
        }
        return orders;
    }

    int size() {
        return listed.size();
    }

    private void put(String id, Document member) {
        Document social = member.get("socialHandles", Document.class);
        SocialHandles handles = social == null ? NO_HANDLES
                : new SocialHandles(social.getString("instagram"), social.getString("linkedin"),
                        social.getString("website"));
        List<RoleGrant> roles = roles(member);
        Object joinedAt = member.get(Member.JOINED_AT);
        String city = member.getString(Member.CITY);
        MemberCard card = new MemberCard(id, member.getString("displayName"), city == null ? null : city.intern(),
                shared(member, Member.LANGUAGES), shared(member, Member.INTERESTS), member.getString("bio"),
                handles.equals(NO_HANDLES) ? NO_HANDLES : handles, roles.equals(MEMBER_ONLY) ? MEMBER_ONLY : roles,
                null);
        listed.put(id, new Listed(card, member.getString(Member.SORT_NAME),
                joinedAt instanceof Date date ? date.toInstant() : joinedAt instanceof Instant instant ? instant : null,
                " " + String.join(" ", member.getList(Member.KEYWORDS, String.class, List.of())) + " "));
    }

    /** Public roles only: an operator's ADMIN and names this version does not know are left out. */
    private static List<RoleGrant> roles(Document member) {
        List<Document> grants = member.getList(Member.ROLES, Document.class, List.of());
        return grants.stream()
                .flatMap(grant -> DirectoryFilter.LISTED_ROLES.stream()
                        .filter(role -> role.name().equals(grant.getString("role")))
                        .map(role -> new RoleGrant(role, role.cityBound() ? grant.getString("city") : null)))
                .sorted(RoleGrant.ORDER).toList();
    }

    /** Values many members share (languages, topics), held once. */
    private static List<String> shared(Document member, String field) {
        return member.getList(field, String.class, List.of()).stream().map(String::intern).toList();
    }

    static boolean holds(Listed member, Role role, String city) {
        return member.card().roles().contains(new RoleGrant(role, role.cityBound() ? city : null));
    }

    /**
     * After the refreshing consumer's start (Kafka's listener containers start in phase
     * {@code Integer.MAX_VALUE - 100}): the load waits until that consumer is positioned, so that every change
     * after the load's reads arrives as an event. The service reports ready only once every phase has started.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

    @Override
    public void start() {
        try {
            if (!positioned.await(POSITIONING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The directory's refreshing consumer is not positioned after {}: loading anyway, changes "
                        + "other instances make meanwhile show at their next event", POSITIONING_WAIT);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        loadAll();
        running = true;
    }

    /** Called once the refreshing consumer reads the member events from where they end now. */
    void consumerPositioned() {
        positioned.countDown();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
