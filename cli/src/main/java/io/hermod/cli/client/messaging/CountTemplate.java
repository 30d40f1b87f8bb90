package io.hermod.cli.client.messaging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{Count}}} placeholder of {@code pub --count} and {@code reply}: the message's number, from 1. Also
 * accepts the {@code nats} CLI's spellings {@code {{ Count }}} and {@code {{.Count}}}.
 */
final class CountTemplate {
    private static final Pattern COUNT = Pattern.compile("\\{\\{\\s*\\.?Count\\s*}}");

    private CountTemplate() {
    }

    static boolean has(String text) {
        return COUNT.matcher(text).find();
    }

    static String apply(String text, long count) {
        return COUNT.matcher(text).replaceAll(Matcher.quoteReplacement(Long.toString(count)));
    }
}
