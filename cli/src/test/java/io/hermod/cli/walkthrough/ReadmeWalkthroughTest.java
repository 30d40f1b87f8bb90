package io.hermod.cli.walkthrough;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadmeWalkthroughTest {
    @Test
    void stepsPairEachBashBlockWithTheTextBlockAfterIt() {
        String readme = """
                # Title
                ## Walkthrough
                Start:
                ```bash
                ./hermod a
                ```
                ```text
                out a
                ```
                ```bash
                ./hermod b
                ```
                ```bash
                ./hermod c
                ```
                ```text
                out c
                ```
                ## Next
                ```bash
                not part of it
                ```
                """;
        ReadmeWalkthrough w = ReadmeWalkthrough.parse(readme);
        assertEquals(3, w.steps().size());
        assertEquals(new ReadmeWalkthrough.Step("./hermod a\n", "out a\n"), w.steps().get(0));
        assertEquals(new ReadmeWalkthrough.Step("./hermod b\n", ""), w.steps().get(1));
        assertEquals(new ReadmeWalkthrough.Step("./hermod c\n", "out c\n"), w.steps().get(2));
        assertThrows(IllegalArgumentException.class, () -> ReadmeWalkthrough.parse("# no walkthrough\n"));
    }

    @Test
    void theReadmeWalkthroughUsesTheDataExamplesAndEndsWithStoreVerify() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("README.md"))) {
            root = root.getParent();
        }
        ReadmeWalkthrough w = ReadmeWalkthrough.parse(Files.readString(root.resolve("README.md")));
        String all = String.join("", w.steps().stream().map(ReadmeWalkthrough.Step::commands).toList());
        assertTrue(all.contains("--config data/stream-orders.json"), all);
        assertTrue(all.contains("--config data/consumer-orders-processor.json"), all);
        assertTrue(all.contains("kill -9 $server"), all);
        assertTrue(w.steps().get(w.steps().size() - 1).commands().contains("./hermod store verify"), all);
    }
}
