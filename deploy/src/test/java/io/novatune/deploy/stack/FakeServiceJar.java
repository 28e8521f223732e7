package io.novatune.deploy.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a tiny runnable jar standing in for a Spring Boot service: it serves {@code /actuator/health} on
 * {@code $SERVER_PORT} (UP, or DOWN when {@code FAKE_HEALTH=DOWN}), prints the NOVATUNE/SPRING environment it got,
 * and exits on SIGTERM, so the launcher's process handling is tested with a real child JVM.
 */
final class FakeServiceJar {

    private static final String SOURCE = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;
            import java.util.TreeMap;

            public class FakeService {
                public static void main(String[] args) throws Exception {
                    new TreeMap<>(System.getenv()).forEach((name, value) -> {
                        if (name.startsWith("NOVATUNE_") || name.startsWith("SPRING_") || name.equals("SERVER_PORT")) {
                            System.out.println(name + "=" + value);
                        }
                    });
                    System.out.println("marker=" + System.getProperty("novatune.local-stack"));
                    String status = System.getenv().getOrDefault("FAKE_HEALTH", "UP");
                    HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
                    server.createContext("/actuator/health", exchange -> {
                        byte[] body = ("{\\"status\\":\\"" + status + "\\"}").getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(status.equals("UP") ? 200 : 503, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stopping gracefully")));
                    server.start();
                    System.out.println("started");
                }
            }
            """;

    private FakeServiceJar() {
    }

    static Path build(Path directory) throws IOException {
        Path source = directory.resolve("FakeService.java");
        Files.writeString(source, SOURCE);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, "-d", directory.toString(), source.toString()) != 0) {
            throw new IllegalStateException("FakeService does not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeService");
        Path jar = directory.resolve("fake-service.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("FakeService.class"));
            try (OutputStream entry = out) {
                Files.copy(directory.resolve("FakeService.class"), entry);
            }
        }
        return jar;
    }
}
