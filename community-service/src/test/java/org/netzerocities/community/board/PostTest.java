package org.netzerocities.community.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;


/** The rules of a post: what its author, its moderators and its thread's participants get. */
class PostTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    final EventFactory events = new EventFactory("/test", new EventCodec(),
            Clock.fixed(NOW, ZoneOffset.UTC), () -> null);
    final BoardThread thread = BoardThread.start("t-1", "g-1", "Solar roofs", "m-author", NOW, events);

    @Test
    void aReplyAnnouncesItselfItsParticipantsAndEachMentionedMemberOnce() {
        Post reply = Post.publish(thread, 2, "m-2", "<p>hi</p>", new LinkedHashSet<>(List.of("m-3", "m-4")),
                Set.of("m-author"), NOW, events);
        assertThat(reply.id()).isEqualTo("t-1.2");
        assertThat(types(reply)).containsExactly(EventCatalog.POST_PUBLISHED.type(),
                EventCatalog.THREAD_REPLIED.type(), EventCatalog.MEMBER_MENTIONED.type(),
                EventCatalog.MEMBER_MENTIONED.type());
        assertThat(reply.outbox()).allSatisfy(event -> assertThat(event.key()).isEqualTo("t-1"));
        assertThat(reply.outbox().get(1).data()).contains("\"participantIds\":[\"m-author\"]");
        assertThat(reply.outbox().get(2).data()).contains("\"mentionedMemberId\":\"m-3\"", "\"threadTitle\":\"Solar roofs\"");
    }

    @Test
    void theFirstPostOfAThreadIsNoReply() {
        Post first = Post.publish(thread, 1, "m-author", "<p>hi</p>", Set.of(), null, NOW, events);
        assertThat(types(first)).containsExactly(EventCatalog.POST_PUBLISHED.type());
    }

    @Test
    void onlyTheAuthorEditsAndAnEditMentionsOnlyMembersNotMentionedBefore() {
        Post post = Post.publish(thread, 2, "m-2", "<p>hi @Ana</p>", Set.of("m-ana"), Set.of(), NOW, events);
        assertThatThrownBy(() -> post.edit("m-other", "x", Set.of(), "Solar roofs", NOW, events))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("403");
        int before = post.outbox().size();
        post.edit("m-2", "<p>hi @Ana and @Bob</p>", Set.of("m-ana", "m-bob"), "Solar roofs", NOW.plusSeconds(5),
                events);
        assertThat(post.body()).isEqualTo("<p>hi @Ana and @Bob</p>");
        assertThat(post.editedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(post.outbox()).hasSize(before + 1);
        assertThat(post.outbox().get(before).data()).contains("\"mentionedMemberId\":\"m-bob\"");
    }

    @Test
    void onlyTheAuthorDeletesADeletedPostLosesItsTextAndCannotChangeAgain() {
        Post post = Post.publish(thread, 2, "m-2", "<p>hi</p>", Set.of(), Set.of(), NOW, events);
        assertThatThrownBy(() -> post.delete("m-other", NOW)).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("403");
        post.delete("m-2", NOW);
        assertThat(post.body()).isNull();
        assertThat(post.deletedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> post.delete("m-2", NOW)).hasMessageContaining("409");
        assertThatThrownBy(() -> post.edit("m-2", "x", Set.of(), "t", NOW, events)).hasMessageContaining("409");
        assertThatThrownBy(() -> post.hide("m-mod", "spam", NOW, events)).hasMessageContaining("409");
    }

    @Test
    void aHiddenPostIsSeenOnlyByItsAuthorAndModeratorsAndItsAuthorIsToldWhy() {
        Post post = Post.publish(thread, 2, "m-2", "<p>buy now</p>", Set.of(), Set.of(), NOW, events);
        assertThat(post.visibleTo("m-reader", false)).isTrue();
        post.hide("m-mod", "Advertising", NOW, events);
        assertThat(post.visibleTo("m-reader", false)).isFalse();
        assertThat(post.visibleTo("m-2", false)).isTrue();
        assertThat(post.visibleTo("m-mod", true)).isTrue();
        PendingEvent hidden = post.outbox().get(post.outbox().size() - 1);
        assertThat(hidden.type()).isEqualTo(EventCatalog.POST_HIDDEN.type());
        assertThat(hidden.data()).contains("\"authorId\":\"m-2\"", "\"moderatorId\":\"m-mod\"",
                "\"reason\":\"Advertising\"");
        assertThatThrownBy(() -> post.hide("m-mod", "again", NOW, events)).hasMessageContaining("409");
    }

    @Test
    void aReportNamesTheGroupsModeratorsAndIsOnePerMemberByItsId() {
        Post post = Post.publish(thread, 2, "m-2", "<p>hi</p>", Set.of(), Set.of(), NOW, events);
        PostReport report = PostReport.file(post, "m-reader", "rude", List.of("m-mod"), NOW, events);
        assertThat(report.id()).isEqualTo("t-1.2|m-reader");
        assertThat(report.outbox()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventCatalog.POST_REPORTED.type());
            assertThat(event.key()).isEqualTo("t-1");
            assertThat(event.data()).contains("\"moderatorIds\":[\"m-mod\"]");
        });
    }

    private static List<String> types(Post post) {
        return post.outbox().stream().map(PendingEvent::type).toList();
    }
}
