#!/usr/bin/env bash
# Runs the same `hermod bench` scenarios against Hermod and nats-server, one server at a time on a free
# 127.0.0.1 port, and prints one table: each figure for both servers, their ratio, and each server's
# CPU-seconds per million messages routed (read from /proc by `bench --server-pid`).
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: cli/bench/side-by-side.sh [--only hermod|nats] [-h]

Starts each server fresh per scenario, runs `hermod bench ... --csv --server-pid PID` against it,
stops it by its PID, and prints: scenario, figure, hermod, nats-server, ratio hermod/nats, CPU-s per
million messages for each.

  --only hermod|nats   run against one server only (also: ONLY=nats)
  -h, --help           this help

Environment (defaults in brackets):
  HERMOD_JAR        the hermod jar; runs both `server` and `bench` [cli/target/hermod.jar]
  NATS_SERVER       the nats-server binary [nats-server]
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
EOF
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HERMOD_JAR=${HERMOD_JAR:-$script_dir/../target/hermod.jar}
NATS_SERVER=${NATS_SERVER:-nats-server}
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

while [[ $# -gt 0 ]]; do
    case $1 in
        --only) ONLY=${2:-}; shift 2 ;;
        --only=*) ONLY=${1#--only=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
case $ONLY in
    '') servers=(hermod nats) ;;
    hermod|nats) servers=("$ONLY") ;;
    *) echo "--only takes hermod or nats, not '$ONLY'" >&2; exit 2 ;;
esac

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
stop_server() {
    [[ -n $server_pid ]] || return 0
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}
trap stop_server EXIT
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

# start_server NAME PORT LOG: sets server_pid, returns non-zero if it is not accepting within 30 s.
start_server() {
    local name=$1 port=$2 log=$3
    case $name in
        # shellcheck disable=SC2086 # the flags are meant to split into words
        hermod) java $HERMOD_JVM_FLAGS -jar "$HERMOD_JAR" server -a 127.0.0.1 -p "$port" >"$log" 2>&1 &
            server_pid=$! ;;
        nats) "$NATS_SERVER" -a 127.0.0.1 -p "$port" >"$log" 2>&1 &
            server_pid=$! ;;
    esac
    for _ in $(seq 1 300); do
        kill -0 "$server_pid" 2>/dev/null || return 1
        port_in_use "$port" && return 0
        sleep 0.1
    done
    return 1
}

# run_scenario SCENARIO BENCH_ARGS...: one fresh server per target, CSV figures into RESULTS_DIR.
run_scenario() {
    local scenario=$1; shift
    local name port csv log
    for name in "${servers[@]}"; do
        csv=$RESULTS_DIR/$scenario.$name.csv
        log=$RESULTS_DIR/$scenario.$name.server.log
        rm -f "$csv"
        local started=no
        for _ in 1 2 3; do # another process may take the port between our check and the server's bind
            port=$(free_port) || break
            if start_server "$name" "$port" "$log"; then
                started=yes
                break
            fi
            stop_server
        done
        if [[ $started == no ]]; then
            echo "[$scenario] $name: server did not start (log: $log)" >&2
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
        stop_server
    done
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

run_scenario raw-1to1-16B    --raw --sub 1 --size 16 -n "$RAW_MSGS"
run_scenario raw-1to1-128B   --raw --sub 1 --size 128 -n "$RAW_MSGS"
run_scenario jnats-1to1-128B --sub 1 --size 128 -n "$JNATS_MSGS"
run_scenario raw-fanout-1to4 --raw --sub 4 --size 128 -n "$FANOUT_MSGS"
run_scenario raw-queue-4     --raw --sub 4 --queue --size 128 -n "$QUEUE_MSGS"
run_scenario request-reply   --request --pub 1 --sub 1 --size 128 -n "$REQUEST_MSGS"
run_scenario idle-conns      --idle "$IDLE_CONNS"

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
echo "Per-run CSV files and server logs: $RESULTS_DIR"
