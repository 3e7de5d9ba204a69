package vn.dvk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails the build on a forbidden dependency between modules or a cycle, on a module nobody declared,
 * on diagrams in docs/modules that no longer match the code, and on a "now" read past the one Clock.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DvkApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheMovementsCapabilitiesAndNoOthers() {
        // a new top-level package is a new module: declare it here and in the README's architecture section
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrder("shared", "adminunit",
                "organisation", "identity", "audit", "initiative", "workflow", "evaluation", "exchange", "report", "planning",
                "portal", "document", "dashboard", "demo", "operations");
    }

    /**
     * The diagrams committed in docs/modules are those of the code: regenerated into target/ and compared
     * file by file. After changing a module's dependencies, run this test with {@code -Ddvk.modules.write=true}
     * to write them into docs/modules, and commit them.
     */
    @Test
    void theCommittedModuleDiagramsAreThoseOfTheCode() throws IOException {
        Path fresh = Path.of("target/modules-now");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        List<Path> files;
        try (Stream<Path> listed = Files.list(fresh)) {
            files = listed.filter(p -> p.toString().endsWith(".puml")).sorted().toList();
        }
        assertThat(files).hasSize(MODULES.stream().toList().size() + 1);
        if (Boolean.getBoolean("dvk.modules.write")) {
            Files.createDirectories(DOCS);
            for (Path file : files) {
                Files.copy(file, DOCS.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path file : files) {
            Path committed = DOCS.resolve(file.getFileName());
            assertThat(committed).as("%s is in docs/modules (regenerate with -Ddvk.modules.write=true)", file.getFileName()).exists();
            // the Documenter lists relations in no fixed order: the same lines, in any order
            assertThat(lines(committed)).as("%s is current (regenerate with -Ddvk.modules.write=true)", file.getFileName())
                    .containsExactlyInAnyOrderElementsOf(lines(file));
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void everyNowComesFromTheOneClock() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.dvk");
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Year.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("every \"now\" comes from the Clock bean (Asia/Ho_Chi_Minh), so that tests can move it and "
                        + "every node agrees on the day")
                .check(classes);
    }
}
