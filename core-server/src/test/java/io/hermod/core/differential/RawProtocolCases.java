package io.hermod.core.differential;

import java.time.Duration;
import java.util.List;

import static io.hermod.core.differential.Transcript.INFO;
import static io.hermod.core.differential.Transcript.closed;
import static io.hermod.core.differential.Transcript.open;

/**
 * The rows of {@link RawProtocolDifferentialTest}: byte sequences and the transcripts nats-server 2.9.10 gave for
 * them (see {@code src/test/resources/differential/README.md}). Strings are sent as ISO-8859-1 bytes.
 */
final class RawProtocolCases {
    static final String QUIET = "CONNECT {\"verbose\":false}\r\n";
    static final String VERBOSE = "CONNECT {\"verbose\":true}\r\n";
    static final String VERBOSE_HEADERS = "CONNECT {\"verbose\":true,\"headers\":true}\r\n";
    static final String PEDANTIC = "CONNECT {\"verbose\":false,\"pedantic\":true}\r\n";
    static final String LAX = "CONNECT {\"verbose\":false,\"pedantic\":false}\r\n";

    static final String OK = "+OK";
    static final String PONG = "PONG";
    static final String UNKNOWN_OP = "-ERR 'Unknown Protocol Operation'";
    static final String MAX_PAYLOAD = "-ERR 'Maximum Payload Violation'";
    static final String INVALID_SUBJECT = "-ERR 'Invalid Subject'";
    static final String INVALID_PUBLISH_SUBJECT = "-ERR 'Invalid Publish Subject'";
    static final String MAX_CONTROL_LINE = "-ERR 'maximum control line exceeded'";
    static final String AUTH_VIOLATION = "-ERR 'Authorization Violation'";

    static final ServerSettings LIMITS = ServerSettings.defaults().maxPayload(100).maxControlLine(64).maxSubscriptions(2);
    static final ServerSettings ONE_CONNECTION = ServerSettings.defaults().maxConnections(1);
    static final ServerSettings FAST_PING = ServerSettings.defaults().pingInterval("1s").pingMax(1);
    static final ServerSettings TOKEN = ServerSettings.defaults().authToken("x", 1);
    static final ServerSettings USERS = ServerSettings.defaults().authorization(String.join("\n",
            "users = [",
            "  {user: a, password: pa, permissions: {publish: {allow: [\"foo.>\", \"req\"], deny: [\"foo.bar\"]},",
            "     subscribe: {allow: [\"foo.*\", \"_INBOX.>\"], deny: [\"foo.x\"]}}}",
            "  {user: d, password: pd, permissions: {subscribe: {deny: \"foo.x\"}}}",
            "  {user: b, password: \"$2a$04$xJ74mqb3aH4flWU7A0aZz.WLurJ9otwTw3RPcwiQAJFgXWCA5U77u\", permissions: {publish: [\"b.>\"]}}",
            "]"));
    static final ServerSettings SINGLE_USER = ServerSettings.defaults().authorization("user: u, password: p");
    static final String PUB_VIOLATION = "-ERR 'Permissions Violation for Publish to \"%s\"'";
    static final String SUB_VIOLATION = "-ERR 'Permissions Violation for Subscription to \"%s\"'";

    private RawProtocolCases() {
    }

    static List<ProtocolCase> all() {
        return List.of(
                // CONNECT and verbose acknowledgements
                ProtocolCase.of("verbose CONNECT is acknowledged", VERBOSE + "PING\r\n", open(INFO, OK, PONG)),
                ProtocolCase.of("CONNECT {} defaults to verbose", "CONNECT {}\r\nPING\r\n", open(INFO, OK, PONG)),
                ProtocolCase.of("verbose +OK for SUB, PUB, HPUB, UNSUB but not PING or PONG",
                        VERBOSE_HEADERS + "SUB foo 1\r\nPUB foo 2\r\nhi\r\nHPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n"
                                + "UNSUB 1\r\nPING\r\nPONG\r\n",
                        open(INFO, OK, OK, OK, "MSG foo 1 2", "hi", OK, "HMSG foo 1 12 14", "NATS/1.0", "", "hi",
                                OK, PONG)),
                ProtocolCase.of("verbose +OK for PUB and HPUB with reply subject",
                        VERBOSE_HEADERS + "PUB foo bar 2\r\nhi\r\nHPUB foo bar 12 12\r\nNATS/1.0\r\n\r\n\r\nPING\r\n",
                        open(INFO, OK, OK, OK, PONG)),
                ProtocolCase.of("verbose +OK for UNSUB with max", VERBOSE + "SUB foo 1\r\nUNSUB 1 5\r\nPING\r\n",
                        open(INFO, OK, OK, OK, PONG)),
                ProtocolCase.of("verbose PONG from client gets nothing", VERBOSE + "PONG\r\nPING\r\n",
                        open(INFO, OK, PONG)),
                ProtocolCase.of("second CONNECT is acknowledged", VERBOSE + VERBOSE + "PING\r\n",
                        open(INFO, OK, OK, PONG)),
                ProtocolCase.of("CONNECT with unknown field", "CONNECT {\"verbose\":false,\"zzz\":1}\r\nPING\r\n",
                        open(INFO, PONG)),
                ProtocolCase.of("CONNECT with bad JSON closes silently", "CONNECT {bad\r\n", closed(INFO)),
                ProtocolCase.of("CONNECT with non-object argument closes silently", "CONNECT foo\r\n", closed(INFO)),
                ProtocolCase.of("CONNECT without argument closes silently", "CONNECT\r\n", closed(INFO)),
                ProtocolCase.of("CONNECT with wrong field type closes silently",
                        "CONNECT {\"verbose\":\"yes\"}\r\n", closed(INFO)),
                ProtocolCase.of("CONNECT with protocol 2", "CONNECT {\"verbose\":false,\"protocol\":2}\r\n",
                        closed(INFO, "-ERR 'invalid client protocol'")),
                ProtocolCase.of("CONNECT asking for no responders without headers",
                        "CONNECT {\"no_responders\":true}\r\nPING\r\n",
                        closed(INFO, "-ERR 'no responders requires headers support'")),

                // Unknown and malformed operations
                ProtocolCase.of("unknown op", QUIET + "FOO\r\n", closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("unknown op before CONNECT", "FOO\r\n", closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("garbage before CONNECT", "hello world\r\n", closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("verbose error still closes", VERBOSE + "FOO\r\n", closed(INFO, OK, UNKNOWN_OP)),
                ProtocolCase.of("empty line", QUIET + "\r\nPING\r\n", closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("leading space", QUIET + " PING\r\n", closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("PING with trailing text", QUIET + "PING foo\r\nPINGX\r\nPING \r\n",
                        open(INFO, PONG, PONG, PONG)),
                ProtocolCase.of("PUB without arguments", QUIET + "PUB\r\n", closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("PUB without size closes silently", QUIET + "PUB foo\r\n", closed(INFO)),
                ProtocolCase.of("PUB with non-numeric size closes silently", QUIET + "PUB foo bar\r\n", closed(INFO)),
                ProtocolCase.of("PUB with negative size closes silently", QUIET + "PUB foo -1\r\n", closed(INFO)),
                ProtocolCase.of("PUB with too many arguments closes silently", QUIET + "PUB foo a b c\r\n",
                        closed(INFO)),
                ProtocolCase.of("payload longer than declared", QUIET + "PUB foo 2\r\nabcd\r\n",
                        closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("payload shorter than declared", QUIET + "PUB foo 5\r\nab\r\nPING\r\n",
                        closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("empty payload", QUIET + "SUB foo 1\r\nPUB foo 0\r\n\r\nPING\r\n",
                        open(INFO, "MSG foo 1 0", "", PONG)),
                ProtocolCase.of("PUB over default max_payload", QUIET + "PUB foo 1048577\r\n",
                        closed(INFO, MAX_PAYLOAD)),
                ProtocolCase.of("HPUB over default max_payload", VERBOSE_HEADERS + "HPUB foo 12 1048577\r\n",
                        closed(INFO, OK, MAX_PAYLOAD)),
                ProtocolCase.of("PUB at max_payload 100", QUIET + "SUB foo 1\r\nPUB foo 100\r\n" + "x".repeat(100)
                        + "\r\nPING\r\n", open(INFO, "MSG foo 1 100", "x".repeat(100), PONG)).with(LIMITS),
                ProtocolCase.of("PUB over max_payload 100", QUIET + "PUB foo 101\r\n", closed(INFO, MAX_PAYLOAD))
                        .with(LIMITS),
                ProtocolCase.of("HPUB over max_payload 100",
                        "CONNECT {\"verbose\":false,\"headers\":true}\r\nHPUB foo 12 101\r\n", closed(INFO, MAX_PAYLOAD))
                        .with(LIMITS),
                ProtocolCase.of("HPUB header size above total size closes silently",
                        VERBOSE_HEADERS + "HPUB foo 14 12\r\n", closed(INFO, OK)),
                ProtocolCase.of("HPUB without headers in CONNECT closes silently",
                        QUIET + "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", closed(INFO)),
                ProtocolCase.of("HPUB without total size closes silently", VERBOSE_HEADERS + "HPUB foo 12\r\n",
                        closed(INFO, OK)),
                ProtocolCase.of("HPUB without arguments", VERBOSE_HEADERS + "HPUB\r\n", closed(INFO, OK, UNKNOWN_OP)),
                ProtocolCase.of("SUB without arguments", QUIET + "SUB\r\n", closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("SUB without sid closes silently", QUIET + "SUB foo\r\n", closed(INFO)),
                ProtocolCase.of("SUB with too many arguments closes silently", QUIET + "SUB a b c d\r\n",
                        closed(INFO)),
                ProtocolCase.of("UNSUB without arguments", QUIET + "UNSUB\r\n", closed(INFO, UNKNOWN_OP)),

                // Subjects
                invalidSub("foo..bar", QUIET), invalidSub("foo.>.bar", QUIET), invalidSub(">.foo", QUIET),
                invalidSub("foo..bar", PEDANTIC), invalidSub("foo.>.bar", PEDANTIC), invalidSub(">.foo", PEDANTIC),
                invalidSub("foo..bar", LAX), invalidSub("foo.>.bar", LAX), invalidSub(">.foo", LAX),
                ProtocolCase.of("verbose invalid SUB gets -ERR instead of +OK", VERBOSE + "SUB foo..bar 1\r\nPING\r\n",
                        open(INFO, OK, INVALID_SUBJECT, PONG)),
                ProtocolCase.of("queue group names are not validated",
                        VERBOSE + "SUB foo q 1\r\nSUB foo q..x 2\r\nPING\r\n", open(INFO, OK, OK, OK, PONG)),
                ProtocolCase.of("PUB to wildcard with pedantic errs but still delivers",
                        PEDANTIC + "SUB > 1\r\nPUB foo.* 1\r\nx\r\nPING\r\n",
                        open(INFO, INVALID_PUBLISH_SUBJECT, "MSG foo.* 1 1", "x", PONG)),
                ProtocolCase.of("PUB to > wildcard with pedantic", PEDANTIC + "PUB foo.> 1\r\nx\r\nPING\r\n",
                        open(INFO, INVALID_PUBLISH_SUBJECT, PONG)),
                ProtocolCase.of("PUB to wildcard, pedantic by default", QUIET + "PUB foo.* 1\r\nx\r\nPING\r\n",
                        open(INFO, INVALID_PUBLISH_SUBJECT, PONG)),
                ProtocolCase.of("PUB to wildcard, verbose: -ERR then +OK",
                        "CONNECT {}\r\nPUB foo.* 1\r\nx\r\nPING\r\n", open(INFO, OK, INVALID_PUBLISH_SUBJECT, OK, PONG)),
                ProtocolCase.of("PUB to wildcard without pedantic is delivered",
                        LAX + "SUB > 2\r\nPUB foo.> 1\r\nx\r\nPING\r\n", open(INFO, "MSG foo.> 2 1", "x", PONG)),
                ProtocolCase.of("PUB to foo.> without pedantic matches SUB foo.*",
                        LAX + "SUB foo.* 1\r\nPUB foo.> 1\r\nx\r\nPING\r\n", open(INFO, "MSG foo.> 1 1", "x", PONG)),
                ProtocolCase.of("HPUB to wildcard with pedantic",
                        "CONNECT {\"verbose\":false,\"pedantic\":true,\"headers\":true}\r\n"
                                + "HPUB foo.* 12 12\r\nNATS/1.0\r\n\r\n\r\nPING\r\n",
                        open(INFO, INVALID_PUBLISH_SUBJECT, PONG)),

                // UNSUB and delivery
                ProtocolCase.of("UNSUB of unknown sid", QUIET + "UNSUB 99\r\nPING\r\n", open(INFO, PONG)),
                ProtocolCase.of("verbose UNSUB of unknown sid", VERBOSE + "UNSUB 99\r\nPING\r\n",
                        open(INFO, OK, OK, PONG)),
                ProtocolCase.of("UNSUB 1 0 removes at once",
                        VERBOSE + "SUB foo 1\r\nUNSUB 1 0\r\nPUB foo 1\r\nx\r\nPING\r\n", open(INFO, OK, OK, OK, OK, PONG)),
                ProtocolCase.of("UNSUB with max delivers that many",
                        QUIET + "SUB foo 1\r\nUNSUB 1 2\r\nPUB foo 1\r\na\r\nPUB foo 1\r\nb\r\nPUB foo 1\r\nc\r\nPING\r\n",
                        open(INFO, "MSG foo 1 1", "a", "MSG foo 1 1", "b", PONG)),
                ProtocolCase.of("PUB with reply subject", QUIET + "SUB foo 1\r\nPUB foo r.1 2\r\nhi\r\nPING\r\n",
                        open(INFO, "MSG foo 1 r.1 2", "hi", PONG)),
                ProtocolCase.of("echo false suppresses own messages",
                        "CONNECT {\"verbose\":false,\"echo\":false}\r\nSUB foo 1\r\nPUB foo 1\r\nx\r\nPING\r\n",
                        open(INFO, PONG)),

                // Before CONNECT (no auth)
                ProtocolCase.of("ops before CONNECT use verbose defaults", "SUB foo 1\r\nPUB foo 1\r\nx\r\nPING\r\n",
                        open(INFO, OK, OK, "MSG foo 1 1", "x", PONG)),
                ProtocolCase.of("PING without CONNECT", "PING\r\n", open(INFO, PONG)),

                // Lexical leniency
                ProtocolCase.of("lower-case ops", "connect {\"verbose\":false}\r\nsub foo 1\r\npub foo 1\r\nx\r\nping\r\n",
                        open(INFO, "MSG foo 1 1", "x", PONG)),
                ProtocolCase.of("mixed-case ops", "Connect {\"verbose\":false}\r\nSuB foo 1\r\nPuB foo 1\r\nx\r\nPiNg\r\n",
                        open(INFO, "MSG foo 1 1", "x", PONG)),
                ProtocolCase.of("LF without CR ends control lines", "CONNECT {\"verbose\":true}\nPING\n",
                        open(INFO, OK, PONG)),
                ProtocolCase.of("LF without CR after payload", QUIET.replace("\r\n", "\n") + "SUB foo 1\nPUB foo 1\nx\nPING\n",
                        closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("tabs as separators",
                        "CONNECT\t{\"verbose\":false}\r\nSUB\tfoo\t1\r\nPUB\tfoo\t1\r\nx\r\nPING\r\n",
                        open(INFO, "MSG foo 1 1", "x", PONG)),
                ProtocolCase.of("repeated spaces as separators", QUIET + "SUB   foo    1\r\nPUB  foo  1\r\nx\r\nPING\r\n",
                        open(INFO, "MSG foo 1 1", "x", PONG)),

                // Server-to-client ops sent by a client
                ProtocolCase.of("client sends MSG", QUIET + "MSG foo 1 1\r\nx\r\n", closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("client sends MSG before CONNECT", "MSG foo 1 1\r\nx\r\n", closed(INFO, UNKNOWN_OP)),
                ProtocolCase.of("client sends +OK", QUIET + "+OK\r\nPING\r\n", open(INFO, PONG)),
                ProtocolCase.of("client sends +OK before CONNECT", "+OK\r\n", open(INFO)),
                ProtocolCase.of("client sends -ERR closes silently", QUIET + "-ERR 'x'\r\nPING\r\n", closed(INFO)),
                ProtocolCase.of("client sends -ERR before CONNECT", "-ERR 'x'\r\n", closed(INFO)),
                ProtocolCase.of("client sends INFO", QUIET + "INFO {}\r\nPING\r\n", open(INFO, PONG)),
                ProtocolCase.of("client sends INFO before CONNECT", "INFO {}\r\nPING\r\n", open(INFO, PONG)),
                ProtocolCase.of("client sends PONG before CONNECT", "PONG\r\n", open(INFO)),

                // max_control_line 64 applies to the arguments after the op name
                ProtocolCase.of("SUB arguments of 64 bytes", QUIET + "SUB " + "a".repeat(62) + " 1\r\nPING\r\n",
                        open(INFO, PONG)).with(LIMITS),
                ProtocolCase.of("SUB arguments of 65 bytes", QUIET + "SUB " + "a".repeat(63) + " 1\r\nPING\r\n",
                        closed(INFO, MAX_CONTROL_LINE)).with(LIMITS),
                ProtocolCase.of("PUB arguments of 65 bytes", QUIET + "PUB " + "a".repeat(63) + " 1\r\nx\r\nPING\r\n",
                        closed(INFO, MAX_CONTROL_LINE)).with(LIMITS),
                ProtocolCase.of("CONNECT arguments of 65 bytes",
                        "CONNECT {\"verbose\":false,\"name\":\"" + "n".repeat(38) + "\"}\r\nPING\r\n",
                        closed(INFO, MAX_CONTROL_LINE)).with(LIMITS),
                ProtocolCase.of("control line without CRLF past the limit", QUIET + "SUB " + "a".repeat(200),
                        closed(INFO, MAX_CONTROL_LINE)).with(LIMITS),
                ProtocolCase.of("PING with 100 trailing spaces", QUIET + "PING" + " ".repeat(100) + "\r\n",
                        open(INFO, PONG)).with(LIMITS),

                // Limits and timers
                ProtocolCase.of("max_subscriptions exceeded", VERBOSE + "SUB a 1\r\nSUB b 2\r\nSUB c 3\r\nSUB d 4\r\nPING\r\n",
                        open(INFO, OK, OK, OK, "-ERR 'maximum subscriptions exceeded'",
                                "-ERR 'maximum subscriptions exceeded'", PONG)).with(LIMITS),
                ProtocolCase.of("max_connections exceeded", "",
                        closed(INFO, "-ERR 'maximum connections exceeded'")).with(ONE_CONNECTION).holdingConnections(1),
                ProtocolCase.of("stale connection", QUIET, closed(INFO, "PING", "-ERR 'Stale Connection'"))
                        .with(FAST_PING).keepingServerPings().patience(Duration.ofSeconds(10)),

                // Token authorization
                ProtocolCase.of("auth timeout", "", closed(INFO, "-ERR 'Authentication Timeout'"))
                        .with(TOKEN).patience(Duration.ofSeconds(10)),
                ProtocolCase.of("CONNECT without token", QUIET + "PING\r\n", closed(INFO, AUTH_VIOLATION)).with(TOKEN),
                ProtocolCase.of("CONNECT with wrong token", "CONNECT {\"verbose\":false,\"auth_token\":\"y\"}\r\nPING\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(TOKEN),
                ProtocolCase.of("CONNECT with right token", "CONNECT {\"verbose\":true,\"auth_token\":\"x\"}\r\nPING\r\n",
                        open(INFO, OK, PONG)).with(TOKEN),
                ProtocolCase.of("PING before CONNECT when auth is required", "PING\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(TOKEN),
                ProtocolCase.of("SUB before CONNECT when auth is required", "SUB foo 1\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(TOKEN),
                ProtocolCase.of("unknown op before CONNECT when auth is required", "FOO\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(TOKEN),
                ProtocolCase.of("PONG before CONNECT when auth is required", "PONG\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(TOKEN),
                ProtocolCase.of("malformed CONNECT when auth is required", "CONNECT {bad\r\n", closed(INFO)).with(TOKEN),
                ProtocolCase.of("second CONNECT with wrong token",
                        "CONNECT {\"verbose\":false,\"auth_token\":\"x\"}\r\nPING\r\nCONNECT {\"verbose\":false,\"auth_token\":\"y\"}\r\nPING\r\n",
                        closed(INFO, PONG, AUTH_VIOLATION)).with(TOKEN),
                ProtocolCase.of("verbose CONNECT with wrong token gets no +OK",
                        "CONNECT {\"verbose\":true,\"auth_token\":\"y\"}\r\nPING\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(TOKEN),

                // Users and permissions
                ProtocolCase.of("single user accepted", "CONNECT {\"verbose\":true,\"user\":\"u\",\"pass\":\"p\"}\r\nPING\r\n",
                        open(INFO, OK, PONG)).with(SINGLE_USER),
                ProtocolCase.of("single user with wrong password", "CONNECT {\"verbose\":false,\"user\":\"u\",\"pass\":\"x\"}\r\nPING\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(SINGLE_USER),
                ProtocolCase.of("user of a list with wrong password", "CONNECT {\"verbose\":false,\"user\":\"a\",\"pass\":\"pb\"}\r\nPING\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(USERS),
                ProtocolCase.of("unknown user", "CONNECT {\"verbose\":false,\"user\":\"zz\",\"pass\":\"pa\"}\r\nPING\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(USERS),
                ProtocolCase.of("bcrypt password accepted", "CONNECT {\"verbose\":true,\"user\":\"b\",\"pass\":\"s3cret\"}\r\nPING\r\n",
                        open(INFO, OK, PONG)).with(USERS),
                ProtocolCase.of("bcrypt password rejected", "CONNECT {\"verbose\":true,\"user\":\"b\",\"pass\":\"s3cre\"}\r\nPING\r\n",
                        closed(INFO, AUTH_VIOLATION)).with(USERS),
                ProtocolCase.of("publish and subscribe permissions, verbose",
                        "CONNECT {\"verbose\":true,\"user\":\"a\",\"pass\":\"pa\"}\r\nPUB foo.bar 1\r\nx\r\nPUB foo.baz 1\r\nx\r\n"
                                + "PUB other r 1\r\nx\r\nPUB foo.q other 1\r\nx\r\nSUB foo.x 1\r\nSUB foo.x q 2\r\n"
                                + "SUB foo.y 3\r\nSUB bar q 4\r\nSUB foo.> 5\r\nPING\r\n",
                        open(INFO, OK, String.format(PUB_VIOLATION, "foo.bar"), OK, String.format(PUB_VIOLATION, "other"),
                                OK, String.format(SUB_VIOLATION, "foo.x"),
                                "-ERR 'Permissions Violation for Subscription to \"foo.x\" using queue \"q\"'", OK,
                                "-ERR 'Permissions Violation for Subscription to \"bar\" using queue \"q\"'", OK, PONG))
                        .with(USERS),
                ProtocolCase.of("denied publish is not delivered",
                        "CONNECT {\"verbose\":false,\"user\":\"a\",\"pass\":\"pa\"}\r\nSUB foo.* 1\r\nPUB foo.bar 1\r\nx\r\n"
                                + "PUB foo.baz 1\r\ny\r\nPING\r\n",
                        open(INFO, String.format(PUB_VIOLATION, "foo.bar"), "MSG foo.baz 1 1", "y", PONG)).with(USERS),
                ProtocolCase.of("invalid publish subject is reported before the permission violation",
                        "CONNECT {\"verbose\":false,\"pedantic\":true,\"user\":\"b\",\"pass\":\"s3cret\"}\r\n"
                                + "PUB b.* 1\r\nx\r\nPUB c.* 1\r\nx\r\nPING\r\n",
                        open(INFO, INVALID_PUBLISH_SUBJECT, INVALID_PUBLISH_SUBJECT, String.format(PUB_VIOLATION, "c.*"),
                                PONG)).with(USERS),
                ProtocolCase.of("wildcard subscription does not carry denied subjects",
                        "CONNECT {\"verbose\":false,\"user\":\"d\",\"pass\":\"pd\"}\r\nSUB foo.* 1\r\nPUB foo.x 1\r\nx\r\n"
                                + "PUB foo.y 1\r\ny\r\nPING\r\n",
                        open(INFO, "MSG foo.y 1 1", "y", PONG)).with(USERS),
                ProtocolCase.of("ops before CONNECT with users", "SUB foo 1\r\n", closed(INFO, AUTH_VIOLATION)).with(USERS));
    }

    private static ProtocolCase invalidSub(String subject, String connect) {
        String mode = connect.equals(PEDANTIC) ? "pedantic" : connect.equals(LAX) ? "not pedantic" : "pedantic by default";
        return ProtocolCase.of("SUB " + subject + " (" + mode + ")", connect + "SUB " + subject + " 1\r\nPING\r\n",
                open(INFO, INVALID_SUBJECT, PONG));
    }
}
