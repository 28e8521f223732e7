package io.novatune.deploy.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RepositoryRootTest {

    // Maven runs a module's tests in the module's directory: deploy/, whose pom names novatune-parent as its parent.
    private static final Path DEPLOY_MODULE = Path.of("").toAbsolutePath();

    @Test
    void from_inside_a_module_the_root_is_the_checkout_not_the_module() {
        assertThat(RepositoryRoot.above(DEPLOY_MODULE)).contains(DEPLOY_MODULE.getParent());
    }

    @Test
    void from_a_folder_deep_in_a_module_the_root_is_the_checkout_too() {
        assertThat(RepositoryRoot.above(DEPLOY_MODULE.resolve("src/main/java"))).contains(DEPLOY_MODULE.getParent());
    }
}
