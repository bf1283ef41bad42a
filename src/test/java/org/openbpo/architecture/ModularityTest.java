package org.openbpo.architecture;

import org.junit.jupiter.api.Test;
import org.openbpo.OpenBpoApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules depend only downwards and only on each other's published API. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(OpenBpoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void documentTheModules() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
