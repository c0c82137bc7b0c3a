package org.netzerocities.learning.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The other features see the seeded five-module programme, its units in order at their current versions. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ProgrammeOutlineTest {

    @Autowired
    Programme programme;

    @Test
    void theSeededProgrammeHasItsFiveModulesInOrderEachWithUnits() {
        assertThat(programme.modules()).extracting(Programme.ModuleOutline::moduleId).containsExactly(
                "cities-mission", "contributing-to-nzc", "citizen-engagement", "social-innovation",
                "systems-thinking");
        assertThat(programme.modules()).extracting(Programme.ModuleOutline::position).containsExactly(1, 2, 3, 4, 5);
        assertThat(programme.modules()).allSatisfy(module -> {
            assertThat(module.units()).hasSizeBetween(2, 3);
            assertThat(module.units()).allSatisfy(unit -> {
                assertThat(unit.unitId()).startsWith(module.moduleId() + ".");
                assertThat(unit.moduleId()).isEqualTo(module.moduleId());
                assertThat(unit.version()).isPositive();
            });
        });
        assertThat(programme.modules().get(0).units()).extracting(Programme.UnitOutline::unitId).containsExactly(
                "cities-mission.mission-and-nzc", "cities-mission.climate-city-contracts",
                "cities-mission.transition-map-and-vocabulary");
    }

    @Test
    void aUnitIsFoundByItsIdAndAnUnknownOneIsNot() {
        assertThat(programme.unit("contributing-to-nzc.portfolio-of-actions")).get()
                .satisfies(unit -> assertThat(unit.moduleId()).isEqualTo("contributing-to-nzc"));
        assertThat(programme.unit("{\"$gt\":\"\"}")).isEmpty();
    }
}
