#!/usr/bin/env bash
# Runs the same `hermod bench` scenarios against Hermod and nats-server, one server at a time on a free
# 127.0.0.1 port, and prints one table: each figure for both servers, their ratio, and each server's
# CPU-seconds per million messages routed (read from /proc by `bench --server-pid`).
# Then the JetStream scenarios against Hermod (durable: a PubAck after fsync), nats-server with -js (acks before
# its periodic sync) and, if that nats-server knows `sync_interval: always`, nats-server syncing every write.
# Then the consumer scenarios (pull and push consumers draining a filled stream, KeyValue put/get) against Hermod
# and nats-server -js.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: cli/bench/side-by-side.sh [--only hermod|nats] [--only-js | --no-js] [--only-consumers | --no-consumers] [-h]

Starts each server fresh per scenario, runs `hermod bench ... --csv --server-pid PID` against it,
stops it by its PID, and prints: scenario, figure, hermod, nats-server, ratio hermod/nats, CPU-s per
million messages for each.

  --only hermod|nats   run against one server only (also: ONLY=nats); nats covers both nats JetStream setups
  --only-js            run the JetStream scenarios only (also: ONLY_JS=1)
  --no-js              skip the JetStream scenarios (also: NO_JS=1)
  --only-consumers     run the consumer scenarios only (also: ONLY_CONSUMERS=1)
  --no-consumers       skip the consumer scenarios (also: NO_CONSUMERS=1)
  -h, --help           this help

JetStream scenarios, each server in a fresh temporary store directory removed afterwards:
  js-sync     one publisher, each publish waits for its PubAck: msgs/s, latency percentiles
  js-async    publishAsync with JS_INFLIGHT acks outstanding, every ack checked: msgs/s
  js-restart  fill a stream with JS_RESTART_MSGS messages, stop the server (SIGTERM), measure the store on disk,
              start the server again on it: seconds from process start until STREAM.INFO shows every message
JetStream servers: hermod (-js -sd DIR), nats (-js -sd DIR) and nats-always (a config file with
jetstream { store_dir: DIR, sync_interval: always }; skipped when the nats-server rejects that field).

Consumer scenarios, against hermod (-js) and nats (-js), each on a fresh temporary store directory (kv also
against nats-always):
  js-pull     fill a stream with CONSUME_MSGS messages (not timed), then drain it with a durable pull consumer
              with explicit acks, fetching PULL_BATCH at a time: msgs/s until the server shows every ack applied
  js-push     the same with a durable push consumer
  kv          jnats KeyValue: KV_OPS puts, then KV_OPS gets, shared by KV_CLIENTS clients over KV_KEYS keys

Environment (defaults in brackets):
  HERMOD_JAR        the hermod jar; runs both `server` and `bench` [cli/target/hermod.jar]
  HERMOD_LAUNCHER   starts the Hermod server with HERMOD_JAR, as users do: the repository's `hermod` script,
                    whose class-data-sharing archive (written by the first server run, used from the second)
                    shortens start-up; HERMOD_CDS=off runs it without [hermod at the repository's root]
  NATS_SERVER       the nats-server binary [nats-server]
  NATS_SYNC_SERVER  the nats-server binary for nats-always [NATS_SERVER]; Debian bookworm's 2.9.10 has no
                    `sync_interval`, trixie's 2.10 has: NATS_SYNC_SERVER=$(cli/bench/fetch-nats-server.sh)
  HERMOD_JVM_FLAGS  JVM flags for the Hermod server [the Chronicle flags from dependencies.md]
  RAW_MSGS          messages in the raw 1->1 scenarios [10000000]
  JNATS_MSGS        messages in the jnats 1->1 scenario [2000000]
  FANOUT_MSGS       messages published in the raw 1->4 fan-out [3000000]
  QUEUE_MSGS        messages published to the raw 4-member queue group [5000000]
  REQUEST_MSGS      request/reply round trips [30000]
  IDLE_CONNS        idle connections [5000]
  BENCH_TIMEOUT     seconds without progress before a run gives up on missing messages [10]
  WARMUP_RUNS       unmeasured runs before each measured one (lets Hermod's JIT warm up) [0]
  RESULTS_DIR       where the per-run CSV files and server logs go [a new /tmp directory]
  JS_SYNC_MSGS      synchronous JetStream publishes [20000]
  JS_ASYNC_MSGS     asynchronous JetStream publishes [500000]
  JS_RESTART_MSGS   messages stored before the restart [1000000]
  JS_SIZE           JetStream payload bytes [128]
  JS_INFLIGHT       outstanding async publishes [1000]
  JS_RESTART_DEADLINE  seconds a restarted server gets to serve its stream again [300]
  JS_STOP_WAIT      seconds a JetStream server gets to exit on SIGTERM before SIGKILL [120]
  CONSUME_MSGS      messages a consumer drains [500000]
  CONSUME_SIZE      their payload bytes [128]
  PULL_BATCH        messages per pull fetch [100]
  MAX_ACK_PENDING   the consumers' max_ack_pending [1000]
  KV_OPS            KeyValue puts, and as many gets [20000]
  KV_CLIENTS        KeyValue clients, each on its own connection [4]
  KV_KEYS           distinct keys [1000]
EOF
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HERMOD_JAR=${HERMOD_JAR:-$script_dir/../target/hermod.jar}
HERMOD_LAUNCHER=${HERMOD_LAUNCHER:-$script_dir/../../hermod}
NATS_SERVER=${NATS_SERVER:-nats-server}
NATS_SYNC_SERVER=${NATS_SYNC_SERVER:-$NATS_SERVER}
HERMOD_JVM_FLAGS=${HERMOD_JVM_FLAGS:---add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/jdk.internal.util=ALL-UNNAMED -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true -Dchronicle.disk.monitor.disable=true}
RAW_MSGS=${RAW_MSGS:-10000000}
JNATS_MSGS=${JNATS_MSGS:-2000000}
FANOUT_MSGS=${FANOUT_MSGS:-3000000}
QUEUE_MSGS=${QUEUE_MSGS:-5000000}
REQUEST_MSGS=${REQUEST_MSGS:-30000}
IDLE_CONNS=${IDLE_CONNS:-5000}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-10}
WARMUP_RUNS=${WARMUP_RUNS:-0}
ONLY=${ONLY:-}
ONLY_JS=${ONLY_JS:-}
NO_JS=${NO_JS:-}
JS_SYNC_MSGS=${JS_SYNC_MSGS:-20000}
JS_ASYNC_MSGS=${JS_ASYNC_MSGS:-500000}
JS_RESTART_MSGS=${JS_RESTART_MSGS:-1000000}
JS_SIZE=${JS_SIZE:-128}
JS_INFLIGHT=${JS_INFLIGHT:-1000}
JS_RESTART_DEADLINE=${JS_RESTART_DEADLINE:-300}
JS_STOP_WAIT=${JS_STOP_WAIT:-120}
JS_STREAM=HERMOD_BENCH
ONLY_CONSUMERS=${ONLY_CONSUMERS:-}
NO_CONSUMERS=${NO_CONSUMERS:-}
CONSUME_MSGS=${CONSUME_MSGS:-500000}
CONSUME_SIZE=${CONSUME_SIZE:-128}
PULL_BATCH=${PULL_BATCH:-100}
MAX_ACK_PENDING=${MAX_ACK_PENDING:-1000}
KV_OPS=${KV_OPS:-20000}
KV_CLIENTS=${KV_CLIENTS:-4}
KV_KEYS=${KV_KEYS:-1000}

while [[ $# -gt 0 ]]; do
    case $1 in
        --only) ONLY=${2:-}; shift 2 ;;
        --only=*) ONLY=${1#--only=}; shift ;;
        --only-js) ONLY_JS=1; shift ;;
        --no-js) NO_JS=1; shift ;;
        --only-consumers) ONLY_CONSUMERS=1; shift ;;
        --no-consumers) NO_CONSUMERS=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
case $ONLY in
    '') servers=(hermod nats) ;;
    hermod|nats) servers=("$ONLY") ;;
    *) echo "--only takes hermod or nats, not '$ONLY'" >&2; exit 2 ;;
esac
if [[ -n $ONLY_JS && -n $NO_JS ]]; then
    echo "--only-js and --no-js exclude each other" >&2; exit 2
fi
run_core=yes; [[ -n $ONLY_JS ]] && run_core=no
run_js=yes; [[ -n $NO_JS ]] && run_js=no
if [[ -n $ONLY_CONSUMERS && -n $NO_CONSUMERS ]]; then
    echo "--only-consumers and --no-consumers exclude each other" >&2; exit 2
fi
if [[ -n $ONLY_CONSUMERS && -n $ONLY_JS ]]; then
    echo "--only-consumers and --only-js exclude each other" >&2; exit 2
fi
run_consumers=yes; [[ -n $NO_CONSUMERS || -n $ONLY_JS ]] && run_consumers=no
if [[ -n $ONLY_CONSUMERS ]]; then
    run_core=no
    run_js=no
fi

[[ -f $HERMOD_JAR ]] || { echo "no jar at $HERMOD_JAR (build: mvn -q -pl cli -am package -DskipTests)" >&2; exit 2; }
if [[ " ${servers[*]} " == *" nats "* ]] && ! command -v "$NATS_SERVER" >/dev/null; then
    echo "nats-server not found ($NATS_SERVER)" >&2; exit 2
fi

# Each idle connection is a descriptor in both the bench and the server; both inherit this limit.
needed_fds=$((IDLE_CONNS + 1024))
if (( $(ulimit -n) < needed_fds )); then
    ulimit -n "$needed_fds" 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    if (( $(ulimit -n) < needed_fds )); then
        echo "warning: ulimit -n is $(ulimit -n); $IDLE_CONNS idle connections may not all open" >&2
    fi
fi

RESULTS_DIR=${RESULTS_DIR:-$(mktemp -d /tmp/hermod-side-by-side.XXXXXX)}
mkdir -p "$RESULTS_DIR"

server_pid=
bench_bg_pid=
js_store=
# stop_server [SECONDS]: SIGTERM, up to SECONDS (default 10) to exit, then SIGKILL.
stop_server() {
    [[ -n $server_pid ]] || return 0
    local wait_s=${1:-10}
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 $((wait_s * 10))); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}
cleanup() {
    if [[ -n $bench_bg_pid ]]; then
        kill "$bench_bg_pid" 2>/dev/null || true
        wait "$bench_bg_pid" 2>/dev/null || true
    fi
    stop_server
    [[ -z $js_store ]] || rm -rf "$js_store"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Ports below the kernel's ephemeral range, so no client socket (ours included) can be holding the one we pick.
ephemeral_low=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
free_port() {
    local port low=10000 span=$((ephemeral_low - 10000))
    (( span > 1000 )) || { low=61000; span=4000; }
    for _ in $(seq 1 50); do
        port=$((low + RANDOM % span))
        port_in_use "$port" || { echo "$port"; return 0; }
    done
    return 1
}

# The nats-server config for synced JetStream writes; written beside the store directory STORE.
always_config() {
    printf 'jetstream {\n  store_dir: "%s"\n  sync_interval: always\n}\n' "$1" >"$1.conf"
    echo "$1.conf"
}

# launch_server NAME PORT LOG [STORE]: starts it in the background and sets server_pid; with STORE, JetStream
# on that store directory (nats-always: nats-server syncing every write).
launch_server() {
    local name=$1 port=$2 log=$3 store=${4:-}
    local js=()
    [[ -z $store ]] || js=(-js -sd "$store")
    case $name in
        # The launcher execs the JVM, so its PID is the server's.
        hermod) HERMOD_JAR="$HERMOD_JAR" HERMOD_JAVA_OPTS="$HERMOD_JVM_FLAGS" "$HERMOD_LAUNCHER" server -a 127.0.0.1 \
                -p "$port" "${js[@]}" >"$log" 2>&1 &
            server_pid=$! ;;
        nats) "$NATS_SERVER" -a 127.0.0.1 -p "$port" "${js[@]}" >"$log" 2>&1 &
            server_pid=$! ;;
        nats-always) "$NATS_SYNC_SERVER" -a 127.0.0.1 -p "$port" -c "$(always_config "$store")" >"$log" 2>&1 &
            server_pid=$! ;;
    esac
}

# start_server NAME PORT LOG [STORE]: sets server_pid, returns non-zero if it is not accepting within 30 s.
start_server() {
    local port=$2
    launch_server "$@"
    for _ in $(seq 1 300); do
        kill -0 "$server_pid" 2>/dev/null || return 1
        port_in_use "$port" && return 0
        sleep 0.1
    done
    return 1
}

# start_fresh SCENARIO NAME LOG [STORE]: starts NAME on a free port (sets port and server_pid), retrying
# since another process may take the port between our check and the server's bind.
start_fresh() {
    local scenario=$1 name=$2 log=$3 store=${4:-}
    for _ in 1 2 3; do
        port=$(free_port) || break
        start_server "$name" "$port" "$log" "$store" && return 0
        stop_server
    done
    echo "[$scenario] $name: server did not start (log: $log)" >&2
    return 1
}

# run_scenario SCENARIO BENCH_ARGS...: one fresh server per target, CSV figures into RESULTS_DIR.
# With JS_TARGETS set (an array name), JetStream targets, each on a fresh store directory removed afterwards.
run_scenario() {
    local scenario=$1; shift
    local name port csv log targets=("${servers[@]}") stop_wait=10
    if [[ -n ${JS_TARGETS:-} ]]; then
        targets=("${js_targets[@]}")
        stop_wait=$JS_STOP_WAIT
    fi
    for name in "${targets[@]}"; do
        csv=$RESULTS_DIR/$scenario.$name.csv
        log=$RESULTS_DIR/$scenario.$name.server.log
        rm -f "$csv"
        [[ -z ${JS_TARGETS:-} ]] || js_store=$(mktemp -d /tmp/hermod-js-store.XXXXXX)
        if ! start_fresh "$scenario" "$name" "$log" "$js_store"; then
            drop_store
            continue
        fi
        local bench=(java -jar "$HERMOD_JAR" bench -s "nats://127.0.0.1:$port" --timeout "$BENCH_TIMEOUT"
                     --no-progress "$@")
        # A warm-up would leave memory touched by its connections, so the idle figure is taken cold.
        local warmups=$WARMUP_RUNS
        [[ $scenario == idle-conns ]] && warmups=0
        for _ in $(seq 1 "$warmups"); do
            "${bench[@]}" --csv >/dev/null 2>>"$RESULTS_DIR/$scenario.$name.bench.err" || true
        done
        echo "[$scenario] $name on port $port: ${*}" >&2
        local rc=0
        "${bench[@]}" --csv --server-pid "$server_pid" >"$csv" 2>>"$RESULTS_DIR/$scenario.$name.bench.err" || rc=$?
        (( rc == 0 )) || echo "[$scenario] $name: bench exited $rc (see $RESULTS_DIR/$scenario.$name.*)" >&2
        stop_server "$stop_wait"
        drop_store
    done
}

# Removes the current JetStream store directory and the files kept beside it.
drop_store() {
    [[ -n $js_store ]] || return 0
    rm -rf "$js_store" "$js_store.conf" "$js_store.ready" "$js_store.pid" "$js_store.pid.tmp"
    js_store=
}

# disk_figures STORE MESSAGES: CSV rows in bench's format. Allocated bytes are what the store takes on the disk;
# apparent bytes are the files' lengths, which preallocated (sparse) files inflate.
disk_figures() {
    local allocated apparent
    allocated=$(du -s -B1 "$1" | cut -f1)
    apparent=$(du -s -b "$1" | cut -f1)
    echo "mode,figure,value,unit"
    awk -v al="$allocated" -v ap="$apparent" -v n="$2" 'BEGIN {
        printf "js-disk,disk_bytes,%d,bytes\n", al
        printf "js-disk,apparent_bytes,%d,bytes\n", ap
        printf "js-disk,disk_bytes_per_msg,%.3f,bytes\n", al / n
        printf "js-disk,apparent_bytes_per_msg,%.3f,bytes\n", ap / n }'
}

# run_restart_scenario SCENARIO: per JetStream target, fills a stream on a fresh store, stops the server
# (SIGTERM, then waits), measures the store, and times a restart on it with `bench --js-restart-check`, which
# is polling before the server is launched and reads the time since the process started from /proc.
run_restart_scenario() {
    local scenario=$1 name port log csv rc
    for name in "${js_targets[@]}"; do
        log=$RESULTS_DIR/$scenario.$name.server.log
        csv=$RESULTS_DIR/$scenario.$name.csv
        rm -f "$csv" "$RESULTS_DIR/$scenario-fill.$name.csv" "$RESULTS_DIR/$scenario-disk.$name.csv"
        js_store=$(mktemp -d /tmp/hermod-js-store.XXXXXX)
        if ! start_fresh "$scenario" "$name" "$log" "$js_store"; then
            drop_store
            continue
        fi
        echo "[$scenario] $name on port $port: storing $JS_RESTART_MSGS messages of $JS_SIZE B" >&2
        rc=0
        java -jar "$HERMOD_JAR" bench -s "nats://127.0.0.1:$port" --timeout "$BENCH_TIMEOUT" --no-progress \
            --js --async --inflight "$JS_INFLIGHT" --size "$JS_SIZE" -n "$JS_RESTART_MSGS" --stream "$JS_STREAM" \
            --keep-stream --csv --server-pid "$server_pid" >"$RESULTS_DIR/$scenario-fill.$name.csv" \
            2>>"$RESULTS_DIR/$scenario.$name.bench.err" || rc=$?
        stop_server "$JS_STOP_WAIT"
        if (( rc != 0 )); then
            echo "[$scenario] $name: filling the stream failed ($rc), no restart (see $RESULTS_DIR/$scenario.$name.*)" >&2
        else
            disk_figures "$js_store" "$JS_RESTART_MSGS" >"$RESULTS_DIR/$scenario-disk.$name.csv"
            time_restart "$scenario" "$name" "$port" "$csv"
        fi
        drop_store
    done
}

# time_restart SCENARIO NAME PORT CSV: restarts NAME on js_store and PORT while a restart check polls it.
time_restart() {
    local scenario=$1 name=$2 port=$3 csv=$4 rc=0
    local ready=$js_store.ready pid_file=$js_store.pid err=$RESULTS_DIR/$scenario.$name.bench.err
    if port_in_use "$port"; then
        echo "[$scenario] $name: port $port was taken while the server was down, no restart" >&2
        return 0
    fi
    java -jar "$HERMOD_JAR" bench -s "nats://127.0.0.1:$port" --no-progress --js-restart-check \
        -n "$JS_RESTART_MSGS" --stream "$JS_STREAM" --restart-deadline "$JS_RESTART_DEADLINE" \
        --server-pid-file "$pid_file" --ready-file "$ready" --csv >"$csv" 2>>"$err" &
    bench_bg_pid=$!
    for _ in $(seq 1 600); do
        [[ -f $ready ]] && break
        kill -0 "$bench_bg_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [[ ! -f $ready ]]; then
        echo "[$scenario] $name: the restart check did not start polling (see $err)" >&2
        kill "$bench_bg_pid" 2>/dev/null || true
        wait "$bench_bg_pid" 2>/dev/null || true
        bench_bg_pid=
        return 0
    fi
    echo "[$scenario] $name on port $port: restarting on the store" >&2
    launch_server "$name" "$port" "$RESULTS_DIR/$scenario.$name.restart.server.log" "$js_store"
    echo "$server_pid" >"$pid_file.tmp" && mv "$pid_file.tmp" "$pid_file"
    wait "$bench_bg_pid" || rc=$?
    bench_bg_pid=
    (( rc == 0 )) || echo "[$scenario] $name: restart check exited $rc (see $csv, $err)" >&2
    stop_server "$JS_STOP_WAIT"
}

# figure SCENARIO SERVER NAME: the value, or "-" if the run did not produce it.
figure() {
    local csv=$RESULTS_DIR/$1.$2.csv value=
    [[ -f $csv ]] && value=$(awk -F, -v f="$3" '$2 == f { print $3; exit }' "$csv")
    echo "${value:--}"
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'
}

# Large figures as whole numbers, small ones with two decimals, so the table stays readable.
readable() {
    awk -v v="$1" 'BEGIN {
        if (v == "-" || v == "") print "-"; else if (v + 0 >= 100 || v + 0 == 0) printf "%.0f", v; else printf "%.2f", v }'
}

if [[ $run_core == yes ]]; then
    run_scenario raw-1to1-16B    --raw --sub 1 --size 16 -n "$RAW_MSGS"
    run_scenario raw-1to1-128B   --raw --sub 1 --size 128 -n "$RAW_MSGS"
    run_scenario jnats-1to1-128B --sub 1 --size 128 -n "$JNATS_MSGS"
    run_scenario raw-fanout-1to4 --raw --sub 4 --size 128 -n "$FANOUT_MSGS"
    run_scenario raw-queue-4     --raw --sub 4 --queue --size 128 -n "$QUEUE_MSGS"
    run_scenario request-reply   --request --pub 1 --sub 1 --size 128 -n "$REQUEST_MSGS"
    run_scenario idle-conns      --idle "$IDLE_CONNS"
fi

# The syncing nats-server setup (nats-always) takes part when NATS_SYNC_SERVER accepts its config.
always_targets=()
nats_always_note=
if [[ " ${servers[*]} " == *" nats "* && ($run_js == yes || $run_consumers == yes) ]]; then
    probe=$(mktemp -d /tmp/hermod-js-probe.XXXXXX)
    if probe_out=$("$NATS_SYNC_SERVER" -t -c "$(always_config "$probe/store")" 2>&1); then
        always_targets=(nats-always)
        nats_always_note="nats-always: $("$NATS_SYNC_SERVER" --version 2>&1 | head -1)"
    else
        nats_always_note="nats-always skipped: $("$NATS_SYNC_SERVER" --version 2>&1 | head -1) rejects the config (${probe_out//$'\n'/ })"
        echo "$nats_always_note" >&2
    fi
    rm -rf "$probe"
fi

js_targets=()
if [[ $run_js == yes ]]; then
    js_targets=("${servers[@]}" "${always_targets[@]}")
    JS_TARGETS=1 run_scenario js-sync --js --sync --size "$JS_SIZE" -n "$JS_SYNC_MSGS" --stream "$JS_STREAM"
    JS_TARGETS=1 run_scenario js-async --js --async --inflight "$JS_INFLIGHT" --size "$JS_SIZE" -n "$JS_ASYNC_MSGS" \
        --stream "$JS_STREAM"
    run_restart_scenario js-restart
fi

if [[ $run_consumers == yes ]]; then
    # The consumer scenarios run on JetStream servers: Hermod and nats-server -js (run_scenario's JS targets).
    js_targets=("${servers[@]}")
    JS_TARGETS=1 run_scenario js-pull --js-pull --batch "$PULL_BATCH" --max-ack-pending "$MAX_ACK_PENDING" \
        --size "$CONSUME_SIZE" -n "$CONSUME_MSGS" --inflight "$JS_INFLIGHT" --stream "$JS_STREAM"
    JS_TARGETS=1 run_scenario js-push --js-push --max-ack-pending "$MAX_ACK_PENDING" \
        --size "$CONSUME_SIZE" -n "$CONSUME_MSGS" --inflight "$JS_INFLIGHT" --stream "$JS_STREAM"
    # KeyValue puts wait for their store's write: a syncing nats-server too (its drains would only repeat js-async).
    js_targets=("${servers[@]}" "${always_targets[@]}")
    JS_TARGETS=1 run_scenario kv --kv --pub "$KV_CLIENTS" --keys "$KV_KEYS" --size "$CONSUME_SIZE" -n "$KV_OPS"
fi

if [[ $run_core == yes ]]; then
    row_format='%-16s %-20s %14s %14s %7s %12s %12s\n'
    printf "$row_format" scenario figure hermod nats-server ratio hermod-cpu/M nats-cpu/M
    printf "$row_format" ---------------- -------------------- -------------- -------------- ------- ------------ ------------
    # table_row SCENARIO FIGURE [cpu]: the CPU-per-million columns are filled on a scenario's first row only.
    table_row() {
        local scenario=$1 fig=$2 h n hc=' ' nc=' '
        h=$(figure "$scenario" hermod "$fig")
        n=$(figure "$scenario" nats "$fig")
        if [[ ${3:-} == cpu ]]; then
            hc=$(readable "$(figure "$scenario" hermod server_cpu_s_per_million_msgs)")
            nc=$(readable "$(figure "$scenario" nats server_cpu_s_per_million_msgs)")
        fi
        printf "$row_format" "$scenario" "$fig" "$(readable "$h")" "$(readable "$n")" "$(ratio "$h" "$n")" "$hc" "$nc"
    }
    for scenario in raw-1to1-16B raw-1to1-128B jnats-1to1-128B raw-fanout-1to4 raw-queue-4; do
        table_row "$scenario" pub_msgs_per_sec cpu
        for fig in sub_msgs_per_sec sub_mb_per_sec msgs_missing; do
            table_row "$scenario" "$fig"
        done
    done
    table_row request-reply requests_per_sec cpu
    table_row request-reply latency_p50_us
    table_row request-reply latency_p99_us
    for fig in kib_per_connection connections_per_sec server_cpu_s; do
        table_row idle-conns "$fig"
    done
    echo
    echo "CPU/M: server CPU-seconds per million messages delivered (a request/reply round trip is 2)."
fi

if [[ $run_js == yes ]]; then
    [[ $run_core == yes ]] && echo
    js_row_format='%-16s %-24s %12s %12s %12s %8s %8s %9s %9s %9s\n'
    printf "$js_row_format" scenario figure hermod nats nats-always h/nats h/always hermod-cpu nats-cpu always-cpu
    printf "$js_row_format" ---------------- ------------------------ ------------ ------------ ------------ \
        -------- -------- --------- --------- ---------
    # js_row SCENARIO FIGURE [cpu]: like table_row, with the three JetStream setups.
    js_row() {
        local scenario=$1 fig=$2 h n a hc=' ' nc=' ' ac=' '
        h=$(figure "$scenario" hermod "$fig")
        n=$(figure "$scenario" nats "$fig")
        a=$(figure "$scenario" nats-always "$fig")
        if [[ ${3:-} == cpu ]]; then
            hc=$(readable "$(figure "$scenario" hermod server_cpu_s_per_million_msgs)")
            nc=$(readable "$(figure "$scenario" nats server_cpu_s_per_million_msgs)")
            ac=$(readable "$(figure "$scenario" nats-always server_cpu_s_per_million_msgs)")
        fi
        printf "$js_row_format" "$scenario" "$fig" "$(readable "$h")" "$(readable "$n")" "$(readable "$a")" \
            "$(ratio "$h" "$n")" "$(ratio "$h" "$a")" "$hc" "$nc" "$ac"
    }
    js_row js-sync pub_msgs_per_sec cpu
    for fig in latency_p50_us latency_p90_us latency_p99_us latency_max_us ack_errors ack_seq_gaps; do
        js_row js-sync "$fig"
    done
    js_row js-async pub_msgs_per_sec cpu
    for fig in ack_errors ack_seq_gaps; do
        js_row js-async "$fig"
    done
    js_row js-restart-fill pub_msgs_per_sec cpu
    for fig in disk_bytes_per_msg apparent_bytes_per_msg; do
        js_row js-restart-disk "$fig"
    done
    for fig in restart_s server_cpu_s_at_ready server_rss_kib_at_ready; do
        js_row js-restart "$fig"
    done
    echo
    echo "JetStream: $JS_SIZE B payloads; js-sync $JS_SYNC_MSGS publishes one at a time; js-async $JS_ASYNC_MSGS with"
    echo "$JS_INFLIGHT acks outstanding; js-restart-fill stores $JS_RESTART_MSGS the same way, then the server is"
    echo "stopped and started on its store. Hermod acks after fsync; nats (-js) acks before its periodic sync;"
    echo "nats-always syncs each write. *-cpu: server CPU-seconds per million messages stored."
    echo "restart_s: process start until STREAM.INFO shows every message (from /proc, 10 ms resolution)."
    echo "disk_bytes: allocated (du -B1) after the stop; apparent: file lengths (du -b), inflated by sparse files."
    [[ " ${servers[*]} " != *" nats "* ]] || echo "nats: $("$NATS_SERVER" --version 2>&1 | head -1)"
    [[ -z $nats_always_note ]] || echo "$nats_always_note"
fi
if [[ $run_consumers == yes ]]; then
    [[ $run_core == yes || $run_js == yes ]] && echo
    consumer_row_format='%-10s %-22s %14s %14s %7s %12s %12s %12s %12s\n'
    printf "$consumer_row_format" scenario figure hermod nats-server ratio hermod-cpu/M nats-cpu/M nats-always \
        h/always
    printf "$consumer_row_format" ---------- ---------------------- -------------- -------------- ------- \
        ------------ ------------ ------------ ------------
    # consumer_row SCENARIO FIGURE [CPU_FIGURE]: like table_row; the CPU columns from CPU_FIGURE when given; the
    # nats-always columns where that setup ran (kv).
    consumer_row() {
        local scenario=$1 fig=$2 h n a hc=' ' nc=' '
        h=$(figure "$scenario" hermod "$fig")
        n=$(figure "$scenario" nats "$fig")
        a=$(figure "$scenario" nats-always "$fig")
        if [[ -n ${3:-} ]]; then
            hc=$(readable "$(figure "$scenario" hermod "$3")")
            nc=$(readable "$(figure "$scenario" nats "$3")")
        fi
        printf "$consumer_row_format" "$scenario" "$fig" "$(readable "$h")" "$(readable "$n")" "$(ratio "$h" "$n")" \
            "$hc" "$nc" "$(readable "$a")" "$(ratio "$h" "$a")"
    }
    for scenario in js-pull js-push; do
        consumer_row "$scenario" consume_msgs_per_sec server_cpu_s_per_million_msgs
        for fig in receive_msgs_per_sec fill_msgs_per_sec msgs_missing msgs_redelivered; do
            consumer_row "$scenario" "$fig"
        done
    done
    consumer_row kv put_ops_per_sec put_server_cpu_s_per_million_ops
    consumer_row kv get_ops_per_sec get_server_cpu_s_per_million_ops
    consumer_row kv put_ops_failed
    consumer_row kv get_ops_failed
    echo
    echo "Consumers: $CONSUME_MSGS messages of $CONSUME_SIZE B filled first (fill_msgs_per_sec, not part of the drain),"
    echo "then drained by a durable consumer with explicit acks (max_ack_pending $MAX_ACK_PENDING; pull: $PULL_BATCH per"
    echo "fetch). consume_msgs_per_sec runs until the server's consumer info shows every ack applied; receive_ until"
    echo "the last message arrived. kv: $KV_OPS synchronous puts, then as many gets, by $KV_CLIENTS clients over"
    echo "$KV_KEYS keys (history 1). cpu/M: server CPU-seconds per million messages consumed (kv: per million ops),"
    echo "measured over the drain (kv: each phase) only. nats-always: kv against a nats-server syncing each write."
    [[ $run_js == yes || -z $nats_always_note ]] || echo "$nats_always_note"
fi
echo "Per-run CSV files and server logs: $RESULTS_DIR"
