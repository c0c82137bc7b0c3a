package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.terms.Terms;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Right after a registration the relay removes the sent MemberJoined and bumps the member's version; a role
 * granted at that moment must not fail with a conflict. The race is forced: just before the grant's save, the
 * member's version moves once, as the relay's removal would move it.
 */
@SpringBootTest
@Import({ PlatformInfrastructure.class, RoleGrantRaceTest.RelayRemovesFirst.class })
class RoleGrantRaceTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(GlobalRole.MEMBER, GlobalRole.ADMIN), Set.of());

    @Autowired
    MemberService members;
    @Autowired
    RelayRemovesFirst.Listener relay;
    @Autowired
    Terms terms;

    @Test
    void aGrantThatLosesTheRaceWithTheRelayReadsTheMemberAgainAndSucceeds() {
        Member member = members.register(new Registration(MemberRegistrationTest.unique("race"),
                "correct horse battery", "Ana Pop", "cluj-napoca", List.of("ro"), List.of("energy"), null, null,
                terms.currentNumber(), true));
        relay.bumpBeforeNextSaveOf(member.id());

        Member granted = members.grantRole(member.id(), new RoleGrantRequest(Role.FACILITATOR, null), ADMIN);

        assertThat(relay.bumped()).as("the race happened").isTrue();
        assertThat(granted.roles()).contains(RoleGrant.global(Role.FACILITATOR));
        assertThat(members.get(member.id()).roles()).contains(RoleGrant.global(Role.FACILITATOR));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RelayRemovesFirst {

        @Bean
        Listener relayRemovesFirst(MongoTemplate mongo) {
            return new Listener(mongo);
        }

        static class Listener extends AbstractMongoEventListener<Member> {

            private final MongoTemplate mongo;
            private final AtomicReference<String> armedFor = new AtomicReference<>();
            private volatile boolean bumped;

            Listener(MongoTemplate mongo) {
                this.mongo = mongo;
            }

            void bumpBeforeNextSaveOf(String memberId) {
                armedFor.set(memberId);
            }

            boolean bumped() {
                return bumped;
            }

            @Override
            public void onBeforeSave(BeforeSaveEvent<Member> event) {
                String id = event.getSource().id();
                if (id.equals(armedFor.getAndUpdate(armed -> id.equals(armed) ? null : armed))) {
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("version", 1),
                            Member.class);
                    bumped = true;
                }
            }
        }
    }
}
