package org.netzerocities.learning.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The shipped curriculum is loaded at every start: what is missing is inserted once however many instances start
 * together, and what facilitators edited stays as they left it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CurriculumSeederTest {

    private static final String MISSING = "citizen-engagement.engagement-methods";
    private static final String EDITED = "cities-mission.climate-city-contracts";

    @Autowired
    CurriculumSeeder seeder;
    @Autowired
    MongoTemplate mongo;

    @Test
    void twoInstancesSeedingAtOnceInsertTheMissingUnitOnceAndOverwriteNoEdit() throws Exception {
        ProgrammeUnit removed = mongo.findById(MISSING, ProgrammeUnit.class);
        ProgrammeUnit edited = mongo.findById(EDITED, ProgrammeUnit.class);
        Query byId = query(where("_id").is(EDITED));
        try {
            mongo.remove(query(where("_id").is(MISSING)), ProgrammeUnit.class);
            mongo.updateFirst(byId, new Update().set("content.title", "Retitled by a facilitator")
                    .set("translations.fr.title", "Retitré"), ProgrammeUnit.class);

            CountDownLatch start = new CountDownLatch(1);
            var first = CompletableFuture.supplyAsync(() -> seedAfter(start));
            var second = CompletableFuture.supplyAsync(() -> seedAfter(start));
            start.countDown();

            assertThat(first.join() + second.join()).isEqualTo(1);
            assertThat(seeder.seed()).isZero();
            assertThat(mongo.count(new Query(), ProgrammeModule.class)).isEqualTo(5);
            assertThat(mongo.count(new Query(), ProgrammeUnit.class)).isEqualTo(13);
            ProgrammeUnit reseeded = mongo.findById(MISSING, ProgrammeUnit.class);
            assertThat(reseeded.version()).isEqualTo(1);
            assertThat(reseeded.position()).isEqualTo(3);
            assertThat(reseeded.content()).isEqualTo(removed.content());
            ProgrammeUnit kept = mongo.findById(EDITED, ProgrammeUnit.class);
            assertThat(kept.content().title()).isEqualTo("Retitled by a facilitator");
            assertThat(kept.translations().get("fr").title()).isEqualTo("Retitré");
        } finally {
            mongo.save(removed);
            mongo.save(edited);
        }
    }

    private int seedAfter(CountDownLatch start) {
        try {
            start.await(5, TimeUnit.SECONDS);
            return seeder.seed();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
