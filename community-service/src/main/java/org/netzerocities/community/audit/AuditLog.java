package org.netzerocities.community.audit;

import java.time.Instant;
import java.util.List;

import org.netzerocities.support.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The audit log: append-only. Entries are only ever inserted (never updated), and removed only by the retention
 * purge once older than the retention period; no route changes or deletes one.
 */
@Service
public class AuditLog {

    /** Newest first; the id breaks ties between entries of the same millisecond, so pages never overlap. */
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, AuditEntry.AT, "_id");
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoTemplate mongo;

    AuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Appends the entry; one with its id (the same event, delivered again) is already there and stays as it is. */
    void append(AuditEntry entry) {
        try {
            mongo.insert(entry);
            log.info("Audit: {} on {} by {} (event {})", entry.action(), entry.subject(), entry.actor(), entry.id());
        }
        catch (DuplicateKeyException alreadyRecorded) {
            log.debug("Audit entry {} was recorded already", entry.id());
        }
    }

    /** One page of the entries the filter admits, newest first, and their count. */
    PageResponse<AuditEntry> page(AuditFilter filter, Pageable page) {
        Criteria criteria = filter.criteria();
        long total = mongo.count(Query.query(criteria), AuditEntry.class);
        List<AuditEntry> items = mongo.find(Query.query(criteria).with(page), AuditEntry.class);
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total);
    }

    /**
     * Removes the entries from before {@code cutoff} in one delete (a range on the indexed time on a real MongoDB).
     *
     * @return how many went
     */
    long purgeBefore(Instant cutoff) {
        long removed = mongo.remove(Query.query(Criteria.where(AuditEntry.AT).lt(cutoff)), AuditEntry.class)
                .getDeletedCount();
        if (removed > 0) {
            log.info("Audit log: {} entries from before {} removed (retention)", removed, cutoff);
        }
        return removed;
    }
}
