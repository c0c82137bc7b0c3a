package org.netzerocities.community;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Packages by feature depend on each other one way only, and on no other service. */
@AnalyzeClasses(packages = "org.netzerocities.community", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.netzerocities.community.(*)..")
            .should().beFreeOfCycles();

    /** Shared code lives in events and service-support; anything else of the platform is another service. */
    @ArchTest
    static final ArchRule noOtherServiceIsUsed = noClasses().should().dependOnClassesThat(
            resideInAPackage("org.netzerocities..").and(not(resideInAnyPackage("org.netzerocities.community..",
                    "org.netzerocities.events..", "org.netzerocities.support.."))));
}
