package io.hermod.store.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Stream;

/**
 * One request sent to nats-server 2.9.10 and its reply, exactly as received, stored under
 * {@code src/test/resources/nats-2.9.10/<name>.json} as {@code {"subject","request","reply"}}.
 */
record CapturedReply(String name, String subject, String request, String reply) {
    private static final String DIRECTORY = "/nats-2.9.10/";

    static CapturedReply load(String name) {
        try (InputStream in = CapturedReply.class.getResourceAsStream(DIRECTORY + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no captured reply " + name);
            }
            JsonNode node = GoJson.mapper().readTree(in);
            return new CapturedReply(name, node.get("subject").asText(), node.get("request").asText(),
                    node.get("reply").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CapturedReply> all() {
        try (Stream<Path> files = Files.list(Paths.get(CapturedReply.class.getResource(DIRECTORY).toURI()))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith(".json"))
                    .sorted()
                    .map(file -> load(file.substring(0, file.length() - ".json".length())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode replyTree() {
        try {
            return GoJson.mapper().readTree(reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of one top-level field of the reply, re-written in Go's form (for comparing sub-documents). */
    String replyField(String field) {
        return GoJson.writeString(replyTree().get(field));
    }

    @Override
    public String toString() {
        return name;
    }
}
