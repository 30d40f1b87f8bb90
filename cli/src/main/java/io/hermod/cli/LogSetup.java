package io.hermod.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import io.hermod.core.server.ServerOptions;
import org.slf4j.LoggerFactory;

/** Applies the server's logging options (debug, trace, logtime, log_file) to logback. */
final class LogSetup {
    private LogSetup() {
    }

    static void apply(ServerOptions options) {
        ServerWarmUp.awaitLogging();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger hermod = context.getLogger("io.hermod");
        hermod.setLevel(options.trace() ? Level.TRACE : options.debug() ? Level.DEBUG : Level.INFO);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        String pattern = (options.logtime() ? "%d{yyyy/MM/dd HH:mm:ss.SSS} " : "") + "[%-5level] %msg%n";
        if (options.logFile() != null) {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(context);
            file.setName("file");
            file.setFile(options.logFile().toString());
            file.setAppend(true);
            file.setEncoder(encoder(context, pattern));
            file.start();
            root.detachAndStopAllAppenders();
            root.addAppender(file);
        } else if (root.getAppender(ConsoleLogConfigurator.APPENDER)
                instanceof OutputStreamAppender<ILoggingEvent> console) {
            console.stop();
            console.setEncoder(encoder(context, pattern));
            console.start();
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
