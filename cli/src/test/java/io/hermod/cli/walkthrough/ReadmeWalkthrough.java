package io.hermod.cli.walkthrough;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ## Walkthrough} section of README.md as steps: each {@code bash} block with the {@code text} block
 * that follows it (what those commands printed), in order.
 */
record ReadmeWalkthrough(List<Step> steps) {

    /** Commands as written in one {@code bash} block, and the output the README shows for them ("" if none). */
    record Step(String commands, String shownOutput) {
    }

    static ReadmeWalkthrough parse(String readme) {
        int start = readme.indexOf("\n## Walkthrough\n");
        if (start < 0) {
            throw new IllegalArgumentException("README.md has no '## Walkthrough' section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<Step> steps = new ArrayList<>();
        String pendingCommands = null;
        int at = 0;
        while (true) {
            int open = section.indexOf("\n```", at);
            if (open < 0) {
                break;
            }
            int lineEnd = section.indexOf('\n', open + 1);
            String language = section.substring(open + 4, lineEnd).trim();
            int close = section.indexOf("\n```", lineEnd);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed code block in the walkthrough");
            }
            String body = section.substring(lineEnd + 1, close + 1);
            if (language.equals("bash")) {
                if (pendingCommands != null) {
                    steps.add(new Step(pendingCommands, ""));
                }
                pendingCommands = body;
            } else if (language.equals("text") && pendingCommands != null) {
                steps.add(new Step(pendingCommands, body));
                pendingCommands = null;
            }
            at = close + 4;
        }
        if (pendingCommands != null) {
            steps.add(new Step(pendingCommands, ""));
        }
        return new ReadmeWalkthrough(List.copyOf(steps));
    }
}
