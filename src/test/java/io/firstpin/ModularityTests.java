package io.firstpin;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FirstpinApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublishedTypes() {
        modules.verify();
    }

    @Test
    void writesTheModuleGraphForTheArchitectureDocument() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
