package io.novatune.deploy.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checkout the service jars are built in: the nearest directory holding the {@code novatune-parent}
 * {@code pom.xml}, looking up from the current directory, then up from the launcher's own jar. A module's pom
 * names {@code novatune-parent} too (as its parent), so the root is the one that also lists the modules.
 */
final class RepositoryRoot {

    private static final String PARENT_ARTIFACT = "<artifactId>novatune-parent</artifactId>";
    private static final String MODULES = "<modules>";

    private RepositoryRoot() {
    }

    static Optional<Path> find() {
        return above(Path.of("").toAbsolutePath()).or(() -> launcherLocation().flatMap(RepositoryRoot::above));
    }

    static Path locate() {
        return find().orElseThrow(() -> new IllegalStateException("cannot find the NovaTune checkout (a pom.xml with "
                + PARENT_ARTIFACT + ") above " + Path.of("").toAbsolutePath() + "; run from inside the repository"));
    }

    static Optional<Path> above(Path start) {
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (isParentPom(directory.resolve("pom.xml"))) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    private static boolean isParentPom(Path pom) {
        try {
            if (!Files.isRegularFile(pom)) {
                return false;
            }
            String content = Files.readString(pom);
            return content.contains(PARENT_ARTIFACT) && content.contains(MODULES);
        } catch (IOException unreadable) {
            return false;
        }
    }

    // With `java -jar deploy/target/deploy.jar` the class path is that jar.
    private static Optional<Path> launcherLocation() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(classPath.split(File.pathSeparator)[0]).toAbsolutePath());
        } catch (RuntimeException unusable) {
            return Optional.empty();
        }
    }
}
