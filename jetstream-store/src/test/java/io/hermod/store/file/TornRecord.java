package io.hermod.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Tears a record of a stream's log on disk, as a crash in the middle of a write would. */
final class TornRecord {
    private TornRecord() {
    }

    /** Flips one byte inside the last occurrence of {@code needle} in the log's cycle files, newest file first. */
    static void corruptLastOccurrence(Path logDir, byte[] needle) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(logDir)) {
            files = list.filter(p -> p.toString().endsWith(".cq4")).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (int i = content.length - needle.length; i >= 0; i--) {
                if (Arrays.equals(content, i, i + needle.length, needle, 0, needle.length)) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.write(ByteBuffer.wrap(new byte[] {(byte) ~content[i + 3]}), i + 3);
                    }
                    return;
                }
            }
        }
        throw new AssertionError("payload not found in " + logDir);
    }
}
