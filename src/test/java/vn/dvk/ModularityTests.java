package vn.dvk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails the build on a forbidden dependency between modules or a cycle, and draws the modules into docs/. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DvkApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheMovementsCapabilities() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "adminunit", "organisation", "demo", "dashboard");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        assertThat(new java.io.File("docs/modules/components.puml")).exists();
    }
}
