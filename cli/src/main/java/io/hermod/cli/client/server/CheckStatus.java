package io.hermod.cli.client.server;

/** The monitoring-plugin (Nagios) states, in increasing severity; the exit code is the ordinal. */
enum CheckStatus {
    OK, WARNING, CRITICAL;

    int exitCode() {
        return ordinal();
    }

    CheckStatus worse(CheckStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
