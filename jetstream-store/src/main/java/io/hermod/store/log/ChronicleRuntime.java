package io.hermod.store.log;

import net.openhft.posix.PosixAPI;

/**
 * How a Hermod process sets Chronicle up, before any of Chronicle's classes load (they read these settings in their
 * static initialisers).
 * <ul>
 *   <li>No analytics, no start-up banner, no disk-space monitor thread: a broker's log says what it needs itself.</li>
 *   <li>No native POSIX bindings: Chronicle's static set-up otherwise generates jnr-ffi bindings for them (about
 *   55 ms of CPU at every start), which only its {@code msync}-based sync modes, pre-toucher and POSIX clock use.
 *   {@link StreamLog} uses none of them: it syncs with {@code FileChannel.force}. Chronicle skips that set-up under
 *   JUnit too, so the tests run as the server does.</li>
 * </ul>
 */
public final class ChronicleRuntime {
    private ChronicleRuntime() {
    }

    public static void prepare() {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.setProperty("chronicle.disk.monitor.disable", "true");
        PosixAPI.useNoOpPosixApi();
    }
}
