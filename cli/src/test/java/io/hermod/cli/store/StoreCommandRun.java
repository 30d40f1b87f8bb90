package io.hermod.cli.store;

import io.hermod.cli.HermodCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code hermod} command line run in-process, with what it printed. */
record StoreCommandRun(int exitCode, String out, String err) {

    static StoreCommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = HermodCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new StoreCommandRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
