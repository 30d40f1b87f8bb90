package io.hermod.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The hermod command's logging, configured in code (found by logback as a service): logs go to stderr, as
 * nats-server's do, so that stdout stays for command output; Chronicle, Netty and jnats log warnings only. Parsing
 * the same configuration from a logback.xml took about 40 ms of every server start. A {@code logback.configurationFile}
 * system property still wins: then logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
    /** The appender's name, as {@link LogSetup} finds it. */
    static final String APPENDER = "console";
    static final String PATTERN = "%d{yyyy/MM/dd HH:mm:ss.SSS} [%-5level] %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        for (String quiet : new String[] {"net.openhft", "io.netty", "io.nats"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
