package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure: each top-level package under {@code dev.canopy} is an application module whose
 * base package is its API; nobody reaches into another module's sub-packages, and modules do not depend
 * on each other in a cycle. Also writes the module documentation (C4 and UML diagrams, module canvases)
 * to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(CanopyApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    @Test
    void sharedValueTypesAreASharedModule() {
        assertThat(modules.getSharedModules())
                .extracting(ApplicationModule::getBasePackage)
                .extracting(p -> p.getName())
                .containsExactly("dev.canopy.shared");
    }

    @Test
    void onlyProductionCodeFormsModules() {
        // The ArchUnit fixtures (deliberate violations) live in test code and must never become a module.
        assertThat(modules.getModuleByName("archfixtures")).isEmpty();
        assertThat(modules.getModuleForPackage("dev.canopy.archfixtures.violations"))
                .isEmpty();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
