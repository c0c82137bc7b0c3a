package org.netzerocities.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway's packages depend on each other one way only, and it uses no service's code. */
@AnalyzeClasses(packages = "org.netzerocities.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.netzerocities.gateway.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noServiceIsUsed = noClasses().should().dependOnClassesThat(
            resideInAPackage("org.netzerocities..").and(DescribedPredicate.not(
                    resideInAPackage("org.netzerocities.gateway.."))));
}
