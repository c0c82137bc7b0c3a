package org.netzerocities.community.onboarding;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Members' proposals for the next version of the manifesto: the manifesto is co-created. */
@Service
class Amendments {

    private static final Logger log = LoggerFactory.getLogger(Amendments.class);
    /** Per member and draft: enough to take part, too few to flood the list. */
    static final int MAX_PER_MEMBER = 20;

    private final MongoTemplate mongo;
    private final Manifestos manifestos;
    private final Clock clock;

    Amendments(MongoTemplate mongo, Manifestos manifestos, Clock clock) {
        this.mongo = mongo;
        this.manifestos = manifestos;
        this.clock = clock;
    }

    /**
     * Proposes an amendment to the draft of the version after the current one.
     *
     * @throws ApiProblem 409 when the member already made {@value #MAX_PER_MEMBER} proposals to this draft
     */
    Amendment propose(String memberId, String section, String text) {
        int draft = manifestos.currentNumber() + 1;
        long mine = mongo.count(Query.query(Criteria.where("authorId").is(memberId).and("draftVersion").is(draft)),
                Amendment.class);
        if (mine >= MAX_PER_MEMBER) {
            throw ApiProblem.conflict("too-many-amendments",
                    "You made " + MAX_PER_MEMBER + " proposals to draft " + draft + " already");
        }
        Amendment amendment = mongo.insert(new Amendment(UUID.randomUUID().toString(), memberId, draft, section, text,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        log.info("Member {} proposed amendment {} to manifesto draft {}", memberId, amendment.id(), draft);
        return amendment;
    }

    /** The proposals to {@code draft}, newest first; the next draft when null. */
    Page<Amendment> list(Integer draft, Pageable page) {
        int version = draft == null ? manifestos.currentNumber() + 1 : draft;
        Query query = Query.query(Criteria.where("draftVersion").is(version));
        long total = mongo.count(query, Amendment.class);
        List<Amendment> items = mongo.find(query.with(page).with(Sort.by(Sort.Direction.DESC, "proposedAt")),
                Amendment.class);
        return new PageImpl<>(items, page, total);
    }

    List<Amendment> of(String memberId) {
        return mongo.find(Query.query(Criteria.where("authorId").is(memberId))
                .with(Sort.by(Sort.Direction.DESC, "proposedAt")), Amendment.class);
    }

    /** The proposals stay part of the draft's discussion, no longer linked to the erased member. */
    void anonymise(String memberId) {
        long changed = mongo.updateMulti(Query.query(Criteria.where("authorId").is(memberId)),
                Update.update("authorId", null), Amendment.class).getModifiedCount();
        if (changed > 0) {
            log.info("Anonymised {} manifesto amendment(s) of erased member {}", changed, memberId);
        }
    }
}
