package io.hermod.store.kv;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads RocksDB's JNI library from a per-user cache directory. Left to itself, RocksDB copies its 17 MB library
 * out of the jar into a new temporary file on every start, which costs a few hundred milliseconds of each server
 * start and leaves the copy behind whenever the process is killed. Here the library is extracted once into
 * {@code <cache>/rocksdbjni-<size>-<crc>/}, named by the jar entry's size and CRC so another RocksDB version gets
 * its own copy, written to a temporary file, checked against that CRC and moved into place atomically, so that
 * concurrent starts never load a partial file. Any problem falls back to RocksDB's own loader.
 *
 * <p>The cache is {@code hermod.native.dir} if set, else {@code $XDG_CACHE_HOME/hermod}, else
 * {@code ~/.cache/hermod}; a directory that other users may write to is not used.
 */
final class RocksNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(RocksNativeLibrary.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private RocksNativeLibrary() {
    }

    static void load() {
        String name = Environment.getJniLibraryFileName("rocksdb");
        URL resource = RocksDB.class.getClassLoader().getResource(name);
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            RocksDB.loadLibrary();
            return;
        }
        try {
            // The file name RocksDB.loadLibrary(paths) looks for in each directory (it differs from the jar's).
            Path directory = extracted(resource, Environment.getJniLibraryFileName("rocksdbjni"));
            RocksDB.loadLibrary(List.of(directory.toString()));
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.debug("RocksDB's library not loaded from the cache ({}); RocksDB extracts it itself", e.toString());
            RocksDB.loadLibrary();
        }
    }

    /** The directory holding an intact copy of the library as {@code name}, extracting it first if needed. */
    private static Path extracted(URL resource, String name) throws IOException {
        JarURLConnection connection = (JarURLConnection) resource.openConnection();
        connection.setUseCaches(false);
        JarEntry entry = connection.getJarEntry();
        long size = entry.getSize();
        long crc = entry.getCrc();
        if (size <= 0 || crc < 0) {
            throw new IOException("the jar does not record the size and CRC of " + name);
        }
        Path cache = privateDirectory(cacheRoot());
        Path directory = cache.resolve(String.format("rocksdbjni-%d-%08x", size, crc));
        Path library = directory.resolve(name);
        if (Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS) && Files.size(library) == size) {
            return directory;
        }
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, name, ".partial");
        try {
            CRC32 checksum = new CRC32();
            try (InputStream in = new CheckedInputStream(connection.getInputStream(), checksum)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(partial) != size || checksum.getValue() != crc) {
                throw new IOException("the copy of " + name + " does not match the jar's size and CRC");
            }
            Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.debug("extracted RocksDB's library to {}", library);
        } finally {
            Files.deleteIfExists(partial);
        }
        return directory;
    }

    private static Path cacheRoot() {
        String configured = System.getProperty("hermod.native.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "hermod");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "hermod");
    }

    /** Creates the directory owner-only if missing; refuses one that is not ours or that others may write to. */
    private static Path privateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory);
            try {
                Files.setPosixFilePermissions(directory, OWNER_ONLY);
            } catch (UnsupportedOperationException e) {
                throw new IOException("no POSIX permissions on " + directory, e);
            }
        }
        String owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).getName();
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(System.getProperty("user.name"))
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(directory + " is not private to this user");
        }
        return directory;
    }
}
