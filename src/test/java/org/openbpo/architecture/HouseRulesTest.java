package org.openbpo.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/** The house style of ARCHITECTURE.md, checked on every build. */
class HouseRulesTest {

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openbpo");

    @Test
    void domainCodeKnowsNothingOfSpringOrSql() {
        // package-info only carries module metadata (a Spring Modulith named interface), not domain code
        ArchRule rule = noClasses().that().resideInAPackage("org.openbpo..domain..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .allowEmptyShould(true);
        rule.check(CODE);
    }

    @Test
    void nobodyReadsTheSystemClockBehindTheInjectedClock() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("org.openbpo.shared", "org.openbpo.shared.id..", "org.openbpo.cli..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .because("time comes from the injected java.time.Clock, so tests can move it");
        rule.check(CODE);
    }

    @Test
    void moneyIsNeverAFloatingPointNumber() {
        String[] moneyModules = {"org.openbpo.payroll..", "org.openbpo.ledger..", "org.openbpo.payables..",
                "org.openbpo.billing..", "org.openbpo.shared.money.."};
        noFields().that().areDeclaredInClassesThat().resideInAnyPackage(moneyModules)
                .should().haveRawType(double.class).orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class)
                .allowEmptyShould(true).check(CODE);
        noMethods().that().areDeclaredInClassesThat().resideInAnyPackage(moneyModules)
                .should().haveRawReturnType(double.class).orShould().haveRawReturnType(float.class)
                .allowEmptyShould(true).check(CODE);
    }

    @Test
    void namesSayWhatThingsAre() {
        classes().should().haveSimpleNameNotEndingWith("Impl")
                .andShould().haveSimpleNameNotEndingWith("Manager")
                .andShould().haveSimpleNameNotEndingWith("Helper")
                .andShould().haveSimpleNameNotEndingWith("Util")
                .andShould().haveSimpleNameNotEndingWith("Utils")
                .check(CODE);
    }
}
