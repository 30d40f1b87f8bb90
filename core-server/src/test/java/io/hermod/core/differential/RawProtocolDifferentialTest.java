package io.hermod.core.differential;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every row of {@link RawProtocolCases} against every target of {@link #targets()}: the client must see the same
 * lines (INFO normalised) and the same open/closed state as it did from nats-server 2.9.10.
 */
class RawProtocolDifferentialTest {
    /** One started target per (launcher, settings), shared by the rows that need the same configuration. */
    private static final Map<String, ProtocolTarget> RUNNING = new LinkedHashMap<>();

    /** The servers the rows run against; a further server under test is one more launcher here. */
    static List<TargetLauncher> targets() {
        return List.of(TargetLauncher.natsServer(), TargetLauncher.of("hermod", HermodTarget::start));
    }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        for (TargetLauncher target : targets()) {
            for (ProtocolCase row : RawProtocolCases.all()) {
                rows.add(Arguments.of(target, row));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rows")
    void clientSeesWhatNatsServerSent(TargetLauncher launcher, ProtocolCase row) throws Exception {
        ProtocolTarget target = running(launcher, row.settings());

        Transcript actual = TranscriptRecorder.record(target, row);

        assertEquals(row.expected(), actual, () -> row.name() + " on " + launcher.name() + " with "
                + row.settings() + "\nsent: " + printable(row.send())
                + "\nexpected:\n" + row.expected() + "\nactual:\n" + actual);
    }

    @AfterAll
    static void stopTargets() {
        RUNNING.values().forEach(ProtocolTarget::close);
        RUNNING.clear();
    }

    private static ProtocolTarget running(TargetLauncher launcher, ServerSettings settings) throws Exception {
        String key = launcher.name() + " " + settings.values();
        ProtocolTarget target = RUNNING.get(key);
        if (target == null) {
            target = launcher.start(settings);
            RUNNING.put(key, target);
        }
        return target;
    }

    private static String printable(String bytes) {
        return bytes.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
