package io.hermod.cli.client.messaging;

import io.hermod.cli.client.CommandFailure;
import io.hermod.cli.client.ExitCodes;
import io.nats.client.impl.Headers;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code -H key:value}, repeatable: the headers a command sends ({@code @Mixin HeaderFlags headers}). */
public final class HeaderFlags {
    @Option(names = {"-H", "--header"}, paramLabel = "KEY:VALUE",
            description = "A header to send, repeatable; the value may contain {{Count}} with --count.")
    private List<String> headers = new ArrayList<>();

    /** The headers with {@code {{Count}}} replaced by {@code count}; null when there are none. */
    public Headers build(long count) {
        if (headers.isEmpty()) {
            return null;
        }
        Headers built = new Headers();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new CommandFailure(ExitCodes.USAGE, "invalid header \"" + header + "\": use -H key:value");
            }
            built.add(header.substring(0, colon).trim(), CountTemplate.apply(header.substring(colon + 1).trim(), count));
        }
        return built;
    }
}
