package io.hermod.cli;

import java.io.IOException;

/**
 * {@code hermod server --signal reload=PID}: sends SIGHUP to a running server, which then reloads its
 * configuration, as {@code nats-server --signal reload=PID} does.
 */
final class SignalSender {
    private SignalSender() {
    }

    /** @return the process exit code: 0 when the signal was delivered */
    static int send(String command) throws IOException, InterruptedException {
        int eq = command.indexOf('=');
        String name = eq < 0 ? command : command.substring(0, eq);
        if (!name.equals("reload")) {
            throw new IllegalArgumentException("unknown signal \"" + name + "\" (supported: reload=PID)");
        }
        if (eq < 0 || command.length() == eq + 1) {
            throw new IllegalArgumentException("--signal reload needs the server's process id: reload=PID");
        }
        long pid;
        try {
            pid = Long.parseLong(command.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a process id: " + command.substring(eq + 1));
        }
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new IllegalArgumentException("no process with id " + pid);
        }
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).inheritIO().start();
        return kill.waitFor();
    }
}
