package io.novatune.discovery.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: {@code deploy/bench/discovery/run.sh} runs it by name ({@code -Dtest=BenchmarkClasspath}) to learn the
 * module's test classpath inside the same reactor build, without a plugin Maven may not have offline. Surefire's
 * default includes (*Test, Test*, *Tests, *TestCase) leave it out of {@code mvn verify}.
 */
class BenchmarkClasspath {

    @Test
    void writes_the_test_classpath() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.writeString(Path.of("target", "bench.classpath"), classpath);
    }
}
