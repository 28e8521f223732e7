package io.novatune.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local stack's state on disk: {@code postgres/}, {@code kafka/}, {@code s3/} (object storage),
 * {@code logs/<module>.log}, {@code services/<module>/} (working directories) and the local JWT secret.
 * A marker file tells it apart from any other directory, so {@code --reset} never wipes something else.
 */
final class DataDirectory {

    private static final String MARKER = "novatune-local-stack";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SECRET_LENGTH = 64;

    private final Path root;
    private FileChannel lockChannel;

    DataDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path s3() {
        return root.resolve("s3");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String module) {
        return logs().resolve(module + ".log");
    }

    Path workingDirectory(String module) {
        return root.resolve("services").resolve(module);
    }

    Path devTokenFile() {
        return root.resolve("dev-token");
    }

    /**
     * Takes an exclusive lock on the directory (creating it), so two launchers never share one; the lock is
     * released when this JVM exits.
     */
    void lock() {
        try {
            Files.createDirectories(root);
            lockChannel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another NovaTune local stack is running on " + root);
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("another NovaTune local stack is running on " + root, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + root, e);
        }
    }

    /** Deletes everything but the lock, and only in a directory this launcher created (or an empty one). */
    void reset() {
        if (!Files.exists(root.resolve(MARKER)) && !entries().isEmpty()) {
            throw new IllegalStateException("refusing to --reset " + root + ": it is not a NovaTune data directory"
                    + " (no " + MARKER + " file in it)");
        }
        try {
            for (Path entry : entries()) {
                try (Stream<Path> paths = Files.walk(entry)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + root, e);
        }
    }

    /** Creates the layout (idempotent). */
    void prepare() {
        try {
            Files.createDirectories(logs());
            Files.writeString(root.resolve(MARKER), "Data of a NovaTune local stack (deploy/run-local). Safe to delete when it is stopped.\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + root, e);
        }
    }

    /** The HS256 secret of the local identity: generated on first start, then kept, so tokens survive restarts. */
    String jwtSecret() {
        Path file = root.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file).trim();
                if (secret.length() == SECRET_LENGTH) {
                    return secret;
                }
            }
            SecureRandom random = new SecureRandom();
            String secret = random.ints(SECRET_LENGTH, 0, SECRET_ALPHABET.length())
                    .mapToObj(i -> String.valueOf(SECRET_ALPHABET.charAt(i)))
                    .collect(Collectors.joining());
            Files.writeString(file, secret + "\n");
            ownerOnly(file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is private enough.
        }
    }

    private Path lockFile() {
        return root.resolve("launcher.lock");
    }

    private List<Path> entries() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(entry -> !entry.equals(lockFile())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
