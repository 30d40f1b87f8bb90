package io.hermod.cli;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ServerWarmUpTest {

    @Test
    void onlyTheServerIsWarmedUpAndJetStreamOnlyWhereAFlagMayEnableIt() {
        assertEquals(ServerWarmUp.Scope.NONE, ServerWarmUp.scopeOf(new String[] {}));
        assertEquals(ServerWarmUp.Scope.NONE, ServerWarmUp.scopeOf(new String[] {"pub", "-js", "x"}));
        assertEquals(ServerWarmUp.Scope.SERVER, ServerWarmUp.scopeOf(new String[] {"server", "-p", "4333"}));
        assertEquals(ServerWarmUp.Scope.JETSTREAM, ServerWarmUp.scopeOf(new String[] {"server", "-js"}));
        assertEquals(ServerWarmUp.Scope.JETSTREAM, ServerWarmUp.scopeOf(new String[] {"server", "--jetstream"}));
        assertEquals(ServerWarmUp.Scope.JETSTREAM, ServerWarmUp.scopeOf(new String[] {"server", "-c", "f.conf"}));
        assertEquals(ServerWarmUp.Scope.JETSTREAM, ServerWarmUp.scopeOf(new String[] {"server", "--config=f.conf"}));
    }

    @Test
    void loggingIsLogbackOnceTheWarmUpSaysItIsSetUp() {
        ServerWarmUp.startFor(new String[] {"server", "-js", "-sd", "unused"});
        ServerWarmUp.awaitLogging();
        assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory());
    }
}
