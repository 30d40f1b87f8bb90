package io.hermod.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleLogConfiguratorTest {

    @Test
    void logbackFindsItAndLogsToStderrWithNatsServersLineFormat() throws Exception {
        LoggerContext context = new LoggerContext();
        new ContextInitializer(context).autoConfig();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class,
                root.getAppender(ConsoleLogConfigurator.APPENDER));
        assertEquals("System.err", console.getTarget());
        assertTrue(console.isStarted());
        assertEquals("%d{yyyy/MM/dd HH:mm:ss.SSS} [%-5level] %msg%n",
                ((PatternLayoutEncoder) console.getEncoder()).getPattern());
        for (String quiet : new String[] {"net.openhft", "io.netty", "io.nats"}) {
            assertEquals(Level.WARN, context.getLogger(quiet).getLevel(), quiet);
        }
        assertEquals(Level.INFO, context.getLogger("io.hermod").getEffectiveLevel());
        context.stop();
    }

    @Test
    void aConfigurationFilePropertyIsLeftToLogback() {
        String saved = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "elsewhere.xml");
        try {
            LoggerContext context = new LoggerContext();
            ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
            configurator.setContext(context);
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator.configure(context));
            assertEquals(null, context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ConsoleLogConfigurator.APPENDER));
        } finally {
            if (saved == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", saved);
            }
        }
    }

    @Test
    void theCommandsOwnLoggerFactoryIsLogback() {
        assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory());
    }
}
