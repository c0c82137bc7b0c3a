package org.netzerocities.community.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.member.Member;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The in-memory directory against reloads that race: the state read last is the state applied last. */
class ListedMembersTest {

    private static final String ID = "cleo";

    @Test
    void aReloadThatReadBeforeAnErasureCannotListTheMemberAfterTheErasureWasApplied() throws Exception {
        MongoTemplate mongo = mock(MongoTemplate.class);
        ListedMembers listed = new ListedMembers(mongo);
        CountDownLatch staleRead = new CountDownLatch(1);
        CountDownLatch erasureApplied = new CountDownLatch(1);
        Document listedCleo = new Document("_id", ID).append(Member.DISPLAY_NAME, "Cleo").append(Member.CITY, "elbasan")
                .append(Member.DIRECTORY_VISIBLE, true).append(Member.KEYWORDS, List.of("cleo"));
        Document erasedCleo = new Document("_id", ID).append(Member.DIRECTORY_VISIBLE, false)
                .append(Member.ERASED_AT, new java.util.Date());
        // the event's reload reads Cleo still listed, then is slow to apply it; the erasure is stored meanwhile
        when(mongo.findOne(any(Query.class), eq(Document.class), eq(Member.COLLECTION))).thenAnswer(read -> {
            staleRead.countDown();
            erasureApplied.await(500, TimeUnit.MILLISECONDS);
            return listedCleo;
        }).thenReturn(erasedCleo);

        CompletableFuture<Void> eventReload = CompletableFuture.runAsync(() -> listed.reload(ID));
        assertThat(staleRead.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> erasureReload = CompletableFuture.runAsync(() -> {
            listed.reload(ID);
            erasureApplied.countDown();
        });
        CompletableFuture.allOf(eventReload, erasureReload).get(10, TimeUnit.SECONDS);

        assertThat(listed.size()).isZero();
    }
}
