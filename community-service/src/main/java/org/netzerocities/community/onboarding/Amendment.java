package org.netzerocities.community.onboarding;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's proposal for the next version of the manifesto ({@code draftVersion}).
 *
 * @param authorId null once the author was erased: the proposal stays, anonymous
 * @param section  the heading of the section it amends, or null for the manifesto as a whole
 */
@Document(Amendment.COLLECTION)
@CompoundIndex(name = "draft_newest_first", def = "{'draftVersion': 1, 'proposedAt': -1}")
record Amendment(@Id String id, @Indexed String authorId, int draftVersion, String section, String text,
        Instant proposedAt) {

    static final String COLLECTION = "manifesto_amendments";
}
