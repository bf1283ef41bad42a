package org.openbpo.shared.calendar;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Calendars and SLA clocks are pure domain: time is always handed in, never read from the system. */
class BusinessCalendarPurityTest {

    private final JavaClasses calendar = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openbpo.shared.calendar");

    @Test
    void usesNeitherSpringNorSql() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(calendar);
    }

    @Test
    void neverReadsTheSystemClock() {
        noClasses().should().callMethodWhere(target(name("now")))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(calendar);
    }
}
