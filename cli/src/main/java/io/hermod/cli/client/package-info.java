/**
 * The shared parts of hermod's client commands (those that talk to a server with jnats), and how a command uses them.
 *
 * <pre>{@code
 * @Command(name = "ls", mixinStandardHelpOptions = true, description = "...",
 *         footer = {"", "Examples:", "  hermod stream ls --json"},
 *         exitCodeListHeading = "%nExit codes:%n",
 *         exitCodeList = {"0:success", "1:failure", "2:bad usage", "3:cannot connect", "4:not found"})
 * public final class StreamListCommand implements Callable<Integer> {
 *     @Spec CommandSpec spec;                  // print to spec.commandLine().getOut() / getErr(), never System.out
 *     @Mixin ConnectionOptions connection;     // -s, --user, --password, --token, --nkey, --tls*, --timeout,
 *                                              // --context, --trace
 *     @Mixin JsonOutput json;                  // --json, on read commands
 *
 *     public Integer call() throws Exception {
 *         try (Connection nc = connection.connect()) {         // CommandFailure(CONNECTION) when unreachable
 *             JetStreamManagement jsm = nc.jetStreamManagement(connection.jetStreamOptions());  // --timeout
 *             ...
 *             if (json.enabled()) { JsonOutput.print(out, value); }
 *             else { Table.withHeaders("NAME", "MESSAGES").row(name, 12L).print(out); }
 *         }
 *         return ExitCodes.OK;
 *     }
 * }
 * }</pre>
 *
 * <ul>
 * <li>Errors: throw. {@link io.hermod.cli.client.ClientErrorHandler} (installed by
 *     {@code HermodCommand.commandLine()}) prints {@code hermod: <message>} on stderr and exits with an
 *     {@link io.hermod.cli.client.ExitCodes} code: a jnats {@code JetStreamApiException} prints NATS's description
 *     and err_code and exits {@code NOT_FOUND} when its code is 404; throw {@link io.hermod.cli.client.CommandFailure}
 *     ({@code notFound}, {@code failed}, or with an explicit code) for your own. Stack traces only with {@code --trace}.
 *     Bad flag values are picocli {@code ParameterException}s (exit 2).</li>
 * <li>Output ({@code io.hermod.cli.client.output}): {@code Table} (aligned columns, numbers right-aligned),
 *     {@code KeyValueTable} (the {@code info} layout), {@code HumanBytes} (KiB/MiB), {@code HumanDuration},
 *     {@code DurationConverter} (Go-style duration flags), {@code JsonOutput}, {@code ProgressBar} (to stderr).</li>
 * <li>Contexts ({@code io.hermod.cli.client.context}): {@code ContextStore.forUser()} reads the system property
 *     {@code hermod.config.dir} first, so tests point it at a {@code @TempDir}.</li>
 * <li>Register a new top-level command in {@code HermodCommand}'s {@code subcommands}.</li>
 * <li>Tests (cli's test sources, this package): {@code HermodRun.run(...)} runs a command in-process with stdout and
 *     stderr captured ({@code start} for long-running ones, {@code runWithInput} for stdin), {@code ClientTestServer}
 *     starts a real server (with JetStream and consumers in a {@code @TempDir}), {@code ConfigDir.at(tempDir)} keeps
 *     contexts out of the user's home.</li>
 * </ul>
 */
package io.hermod.cli.client;
