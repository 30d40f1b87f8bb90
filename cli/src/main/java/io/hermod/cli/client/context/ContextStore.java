package io.hermod.cli.client.context;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ExitCodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The contexts saved in the user's configuration directory, laid out like the {@code nats} CLI's:
 * {@code <dir>/context/NAME.json} per context and {@code <dir>/context.txt} naming the selected one. The directory is
 * the system property {@value #DIR_PROPERTY} when set (tests point it at a temporary directory), else
 * {@code $XDG_CONFIG_HOME/hermod}, else {@code ~/.config/hermod}. Not thread-safe: one command uses it at a time.
 */
public final class ContextStore {
    public static final String DIR_PROPERTY = "hermod.config.dir";
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_.@-]+");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    public ContextStore(Path dir) {
        this.dir = dir;
    }

    /** The store in the user's configuration directory (see the class comment). */
    public static ContextStore forUser() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new ContextStore(Path.of(property));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new ContextStore(base.resolve("hermod"));
    }

    public Path directory() {
        return dir;
    }

    public void save(String name, ClientContext context) {
        Path file = file(name);
        try {
            Files.createDirectories(file.getParent());
            // Written beside and moved, so a crash never leaves half a context.
            Path temp = Files.createTempFile(file.getParent(), name, ".tmp");
            ownerOnly(temp);
            JSON.writeValue(temp.toFile(), context);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save context " + name + " in " + file.getParent(), e);
        }
    }

    /** A context may hold a password or token: like the nats CLI's, readable by its owner only where possible. */
    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    public boolean exists(String name) {
        return Files.isRegularFile(file(name));
    }

    /** @throws CommandFailure (not found) when there is no such context */
    public ClientContext load(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            throw CommandFailure.notFound("unknown context \"" + name + "\"");
        }
        try {
            return JSON.readValue(file.toFile(), ClientContext.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read context " + name + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** The context names, sorted. */
    public List<String> names() {
        Path contexts = dir.resolve("context");
        if (!Files.isDirectory(contexts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(contexts)) {
            List<String> names = new ArrayList<>();
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length())).sorted().forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws CommandFailure (not found) when there is no such context */
    public void remove(String name) {
        try {
            if (!Files.deleteIfExists(file(name))) {
                throw CommandFailure.notFound("unknown context \"" + name + "\"");
            }
            if (selectedName().filter(name::equals).isPresent()) {
                Files.deleteIfExists(selectionFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws CommandFailure (not found) when there is no such context */
    public void select(String name) {
        if (!exists(name)) {
            throw CommandFailure.notFound("unknown context \"" + name + "\"");
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(selectionFile(), name + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The selected context's name, if one is selected and still exists. */
    public Optional<String> selectedName() {
        Path selection = selectionFile();
        if (!Files.isRegularFile(selection)) {
            return Optional.empty();
        }
        try {
            String name = Files.readString(selection, StandardCharsets.UTF_8).trim();
            return name.isEmpty() || !exists(name) ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path selectionFile() {
        return dir.resolve("context.txt");
    }

    private Path file(String name) {
        if (!VALID_NAME.matcher(name).matches()) {
            throw new CommandFailure(ExitCodes.USAGE,
                    "invalid context name \"" + name + "\": use letters, digits, '_', '-', '.', '@'");
        }
        return dir.resolve("context").resolve(name + ".json");
    }
}
