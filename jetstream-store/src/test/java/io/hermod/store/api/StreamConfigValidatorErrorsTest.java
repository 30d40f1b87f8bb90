package io.hermod.store.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each invalid create or update is refused with nats-server 2.9.10's code, err_code and description. */
class StreamConfigValidatorErrorsTest {
    static List<StreamConfigCase> sameAsNats() {
        return StreamConfigCases.sameAsNats();
    }

    static List<StreamConfigCase> hermodOnly() {
        return StreamConfigCases.hermodOnly();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameAsNats")
    void refusesWithTheErrorNatsServerReturns(StreamConfigCase refused) {
        assertEquals(refused.expected(), refused.hermodOutcome(StreamConfigCase.hermodSetup()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hermodOnly")
    void refusesWhatHermodDoesNotImplementWithANamedError(StreamConfigCase refused) {
        assertEquals(refused.expected(), refused.hermodOutcome(StreamConfigCase.hermodSetup()));
    }
}
