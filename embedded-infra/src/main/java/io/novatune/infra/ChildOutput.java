package io.novatune.infra;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Where a {@link ChildJvm}'s output goes: line by line to a consumer, or into a file. */
public sealed interface ChildOutput {

    /** Each line on this JVM's standard output, prefixed with {@code [name]} so interleaved logs stay readable. */
    static ChildOutput printedAs(String name) {
        return new Lines(line -> System.out.println("[" + name + "] " + line));
    }

    static ChildOutput lines(Consumer<String> consumer) {
        return new Lines(consumer);
    }

    static ChildOutput file(Path log) {
        return new File(log);
    }

    record Lines(Consumer<String> consumer) implements ChildOutput {
    }

    record File(Path log) implements ChildOutput {
    }
}
