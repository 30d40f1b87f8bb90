package io.hermod.cli;

import io.hermod.core.config.ConfigParser;
import io.hermod.core.config.ServerOptionsLoader;
import io.hermod.core.server.ServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** Reads a nats-server format config file into the options builder, logging a warning per unknown key. */
final class ConfigFileLoading {
    private static final Logger log = LoggerFactory.getLogger(ConfigFileLoading.class);

    private ConfigFileLoading() {
    }

    static void apply(Path file, ServerOptions.Builder builder) {
        for (String warning : new ServerOptionsLoader().apply(new ConfigParser().parseFile(file), builder)) {
            log.warn("{}", warning);
        }
    }
}
