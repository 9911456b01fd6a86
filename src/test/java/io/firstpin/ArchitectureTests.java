package io.firstpin;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "io.firstpin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule domainDoesNotDependOnTheWebLayer = noClasses()
            .that().resideOutsideOfPackages("io.firstpin..web..", "io.firstpin.platform..")
            .should().dependOnClassesThat(resideInAPackage("io.firstpin..web..").and(resideOutsideOfPackage("io.firstpin.platform..")));

    @ArchTest
    static final ArchRule platformDependsOnNoFeatureModule = noClasses()
            .that().resideInAPackage("io.firstpin.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.firstpin.identity..", "io.firstpin.organization..", "io.firstpin.community..",
                    "io.firstpin.member..", "io.firstpin.event..", "io.firstpin.registration..", "io.firstpin.attendance..",
                    "io.firstpin.notification..", "io.firstpin.demo..", "io.firstpin.insight..",
                    "io.firstpin.output..", "io.firstpin.history..", "io.firstpin.survey..");

    /**
     * The modules that write registrations, check-ins, events, members and communities say what happened to their own
     * aggregates in domain events, which the attendee module hears; they never depend on it.
     */
    @ArchTest
    static final ArchRule writersOfAttendanceNeverTellTheAttendeeModule = noClasses()
            .that().resideInAnyPackage("io.firstpin.registration..", "io.firstpin.attendance..",
                    "io.firstpin.event..", "io.firstpin.member..", "io.firstpin.community..", "io.firstpin.history..")
            .should().dependOnClassesThat().resideInAPackage("io.firstpin.attendee..")
            .because("a writer that had to tell the attendee module could forget to; its domain events cannot");

    @ArchTest
    static final ArchRule everyCsvIsWrittenThroughCsvAttachment = noClasses()
            .that().doNotHaveFullyQualifiedName("io.firstpin.platform.web.CsvAttachment")
            .should().callConstructorWhere(target(owner(assignableTo("org.apache.commons.csv.CSVPrinter"))))
            .because("CsvAttachment writes the byte order mark and neutralises formula cells, full-width ones too");

    @ArchTest
    static final ArchRule noFieldInjection = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
            .because("dependencies are passed through constructors");
}
