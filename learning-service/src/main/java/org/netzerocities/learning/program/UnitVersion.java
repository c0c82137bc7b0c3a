package org.netzerocities.learning.program;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit's content as it was at a past version, archived (id {@code unitId@version}) before an edit replaces it.
 * The current version lives in the unit itself.
 */
@Document(UnitVersion.COLLECTION)
record UnitVersion(@Id String id, @Indexed String unitId, int version, UnitContent content, Instant editedAt,
        String editedBy) {

    static final String COLLECTION = "programme_unit_versions";

    static String idOf(String unitId, int version) {
        return unitId + "@" + version;
    }
}
