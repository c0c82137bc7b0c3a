package org.netzerocities.community.version;

import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import org.netzerocities.support.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Published versions of a text members accept (the manifesto, the terms), numbered 1, 2, 3… by their
 * {@code _id}: the version in force is the highest, and two admins publishing at once, or two instances seeding
 * version 1 at once, cannot both create the same number. Read on every use, never cached: another instance may
 * have published a version a moment ago.
 *
 * @param <T> the document of one version
 */
public final class NumberedVersions<T> {

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final ToIntFunction<T> number;
    private final String conflictType;

    /** @param conflictType the problem type of a {@code 409} when another version was published meanwhile */
    public NumberedVersions(MongoTemplate mongo, Class<T> type, ToIntFunction<T> number, String conflictType) {
        this.mongo = mongo;
        this.type = type;
        this.number = number;
        this.conflictType = conflictType;
    }

    public Optional<T> current() {
        return Optional.ofNullable(mongo.findOne(latest(), type));
    }

    /** The number of the version in force, 0 before any was published. */
    public int currentNumber() {
        Query latest = latest();
        latest.fields().include("_id");
        T version = mongo.findOne(latest, type);
        return version == null ? 0 : number.applyAsInt(version);
    }

    public Optional<T> find(int version) {
        return Optional.ofNullable(mongo.findById(version, type));
    }

    /**
     * Inserts the version after the one in force. Of two admins publishing at once only one gets the number; the
     * other is told to read what was just published rather than given the next number for a text written against
     * an older version.
     *
     * @param version the document of the version with the number given
     * @throws ApiProblem 409 when another version was published meanwhile
     */
    public T publishNext(IntFunction<T> version) {
        int next = currentNumber() + 1;
        try {
            return mongo.insert(version.apply(next));
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict(conflictType,
                    "Version " + next + " was published meanwhile: read it, then publish again if needed");
        }
    }

    /**
     * Inserts version 1 unless it exists; returns whether this call created it.
     *
     * @param first the document of version 1
     */
    public boolean seedFirst(IntFunction<T> first) {
        if (find(1).isPresent()) {
            return false;
        }
        try {
            mongo.insert(first.apply(1));
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false; // another instance seeded it at the same moment
        }
    }

    private static Query latest() {
        return new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
    }
}
