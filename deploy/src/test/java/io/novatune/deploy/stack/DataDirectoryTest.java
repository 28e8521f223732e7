package io.novatune.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataDirectoryTest {

    @Test
    void the_jwt_secret_is_64_characters_and_kept_across_starts(@TempDir Path root) {
        DataDirectory data = new DataDirectory(root.resolve("stack"));
        data.lock();
        data.prepare();

        String secret = data.jwtSecret();

        assertThat(secret).hasSize(64).matches("[A-Za-z0-9]+");
        assertThat(new DataDirectory(root.resolve("stack")).jwtSecret()).isEqualTo(secret);
    }

    @Test
    void reset_wipes_a_stack_directory(@TempDir Path root) throws Exception {
        DataDirectory data = new DataDirectory(root.resolve("stack"));
        data.lock();
        data.prepare();
        Files.createDirectories(data.postgres().resolve("base"));
        Files.writeString(data.log("track-api"), "old");

        data.reset();

        assertThat(data.postgres()).doesNotExist();
        assertThat(data.log("track-api")).doesNotExist();
    }

    @Test
    void reset_refuses_to_wipe_a_directory_the_launcher_did_not_create(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("thesis.tex"), "precious");
        DataDirectory data = new DataDirectory(root);
        data.lock();

        assertThatThrownBy(data::reset).hasMessageContaining("not a NovaTune data directory");
        assertThat(root.resolve("thesis.tex")).exists();
    }
}
