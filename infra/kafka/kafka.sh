#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) broker for development and CI, run from
# Apache Kafka's own jars on Maven Central (see infra/README.md).
#
#   kafka.sh fetch    resolve the broker's jars into ~/.m2, write the classpath
#   kafka.sh start    fetch if needed, format KRaft storage once, start, wait until ready
#   kafka.sh stop     SIGTERM, wait up to 30 s, then SIGKILL
#   kafka.sh status   exit 0 and say so when running, exit 1 otherwise
#   kafka.sh logs     tail the broker log (`logs -f` to follow, LINES=n for more)
#   kafka.sh reset    stop and delete the broker's data
#
# Environment:
#   KAFKA_STATE_DIR         state dir (default infra/kafka/.local)
#   KAFKA_PORT              client listener port (default 9092)
#   KAFKA_CONTROLLER_PORT   KRaft controller port (default 9093)
#   KAFKA_START_TIMEOUT     seconds to wait for readiness (default 60)
#   KAFKA_HEAP_OPTS         default "-Xms256m -Xmx512m"
#   KAFKA_JVM_OPTS          extra JVM options appended to the defaults
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
POM="$SCRIPT_DIR/pom.xml"
LOG4J_CONFIG="$SCRIPT_DIR/log4j2.properties"

STATE_DIR="${KAFKA_STATE_DIR:-$SCRIPT_DIR/.local}"
HOST=127.0.0.1
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
# Kafka's own defaults from kafka-run-class.sh.
JVM_OPTS="-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true ${KAFKA_JVM_OPTS:-}"

CLASSPATH_FILE="$STATE_DIR/classpath.txt"
CLASSPATH_STAMP="$STATE_DIR/classpath.pom.sha256"
CLASSPATH_ARGS="$STATE_DIR/classpath.args"
CONFIG="$STATE_DIR/server.properties"
DATA_DIR="$STATE_DIR/data"
LOG_DIR="$STATE_DIR/logs"
LOG_FILE="$LOG_DIR/server.log"
OUT_FILE="$LOG_DIR/kafka.out"
PID_FILE="$STATE_DIR/kafka.pid"
LOG_LINES_BEFORE=0

say() { printf '[kafka] %s\n' "$*"; }
die() { printf '[kafka] ERROR: %s\n' "$*" >&2; exit 1; }

lock() {
  # Serialise start/stop/reset between concurrent callers (e.g. parallel test runners).
  mkdir -p "$STATE_DIR"
  exec 9>"$STATE_DIR/.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -w 180 9 || die "could not lock $STATE_DIR/.lock within 180 s"
  fi
}

# ---------------------------------------------------------------- fetch

classpath_is_fresh() {
  [[ -s "$CLASSPATH_FILE" && -s "$CLASSPATH_STAMP" && -s "$CLASSPATH_ARGS" ]] || return 1
  [[ "$(sha256sum "$POM" | cut -d' ' -f1)" == "$(cat "$CLASSPATH_STAMP")" ]] || return 1
  local jar jars
  IFS=':' read -r -a jars <"$CLASSPATH_FILE"
  for jar in "${jars[@]}"; do [[ -f "$jar" ]] || return 1; done
}

cmd_fetch() {
  mkdir -p "$STATE_DIR"
  if classpath_is_fresh; then
    [[ "${1:-}" == "--quiet" ]] || say "classpath up to date ($CLASSPATH_FILE)"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: Maven is needed to fetch the Kafka jars"
  say "resolving Kafka jars with Maven (first time: downloads from Maven Central into ~/.m2)"
  local tmp="$CLASSPATH_FILE.tmp.$$"
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:build-classpath \
      -Dmdep.outputFile="$tmp" -Dmdep.includeScope=runtime >"$STATE_DIR/fetch.log" 2>&1; then
    cat "$STATE_DIR/fetch.log" >&2
    rm -f "$tmp"
    die "Maven could not resolve the Kafka jars (see above)"
  fi
  mv -f "$tmp" "$CLASSPATH_FILE"
  printf -- '-cp "%s"\n' "$(cat "$CLASSPATH_FILE")" >"$CLASSPATH_ARGS"
  sha256sum "$POM" | cut -d' ' -f1 >"$CLASSPATH_STAMP"
  say "classpath written to $CLASSPATH_FILE ($(tr ':' '\n' <"$CLASSPATH_FILE" | wc -l) jars)"
}

# ---------------------------------------------------------------- helpers

pid_alive() {
  # Our pid file names a live process that is our broker (guards against pid reuse).
  [[ -s "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmdline" == *" kafka.Kafka "* ]]
}

port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

# A metadata round trip through kafkajs (the client the services use): the broker is
# ready when it lists at least one registered, unfenced broker. Without node/kafkajs,
# fall back to the broker's own "started" log line.
broker_ready() {
  port_open "$PORT" || return 1
  if command -v node >/dev/null 2>&1 && [[ -d "$REPO_ROOT/node_modules/kafkajs" ]]; then
    KAFKAJS_DIR="$REPO_ROOT/node_modules/kafkajs" PROBE_BROKER="$HOST:$PORT" timeout 15 node -e '
      const { Kafka, logLevel } = require(process.env.KAFKAJS_DIR);
      const admin = new Kafka({ clientId: "kafka-sh-probe", brokers: [process.env.PROBE_BROKER],
        logLevel: logLevel.NOTHING, connectionTimeout: 2000, requestTimeout: 5000,
        retry: { retries: 0 } }).admin();
      admin.connect()
        .then(() => admin.describeCluster())
        .then((c) => { if (!c.brokers.length) throw new Error("no broker registered"); })
        .then(() => admin.disconnect().then(() => process.exit(0)))
        .catch(() => process.exit(1));
    ' >/dev/null 2>&1
  else
    [[ -f "$LOG_FILE" ]] && grep -q 'Kafka Server started' "$LOG_FILE"
  fi
}

write_config() {
  cat >"$CONFIG" <<EOF
# Written by infra/kafka/kafka.sh on every start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR

# Topics are created explicitly (scripts/infra.mjs topics), never by a stray client.
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
# Consumers join at once instead of waiting 3 s for more members.
group.initial.rebalance.delay.ms=0

# Single node: internal topics with one replica.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Sized for a 2-core development machine.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
broker.heartbeat.interval.ms=500
log.retention.hours=168
log.segment.bytes=104857600
EOF
}

format_storage() {
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    return 0
  fi
  mkdir -p "$DATA_DIR"
  # A Kafka cluster id: 16 random bytes, base64url without padding.
  local cluster_id
  # One starting with '-' would be read as an option by kafka-storage's argument parser ("expected one argument").
  cluster_id="-"
  while [[ "$cluster_id" == -* ]]; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  say "formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  if ! java -Xmx256m -Dlog4j2.configurationFile="$LOG4J_CONFIG" -Dkafka.logs.dir="$LOG_DIR" \
      @"$CLASSPATH_ARGS" kafka.tools.StorageTool format \
      --config "$CONFIG" --cluster-id "$cluster_id" --ignore-formatted >"$LOG_DIR/format.log" 2>&1; then
    cat "$LOG_DIR/format.log" >&2
    die "formatting the KRaft storage failed"
  fi
}

print_log_tail() {
  local f
  for f in "$OUT_FILE" "$LOG_FILE"; do
    if [[ -s "$f" ]]; then
      printf -- '----- last lines of %s -----\n' "$f" >&2
      tail -n "${LINES_ON_ERROR:-40}" "$f" >&2
    fi
  done
}

# True once this start's part of the log says the server started (cheap; lets the
# metadata probe wait instead of competing with the JVM for the CPU).
started_in_log() {
  [[ -f "$LOG_FILE" ]] && tail -n "+$((LOG_LINES_BEFORE + 1))" "$LOG_FILE" | grep 'Kafka Server started' >/dev/null
}

wait_ready() {
  local started=$SECONDS deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    # Probe once the log says so, or every loop after 15 s (log rolled, or someone else's start).
    if started_in_log || ((SECONDS - started > 15)); then
      if broker_ready; then
        return 0
      fi
    fi
    if ! pid_alive; then
      print_log_tail
      rm -f "$PID_FILE"
      die "the broker exited during start-up"
    fi
    sleep 0.25
  done
  print_log_tail
  die "the broker was not ready within ${START_TIMEOUT}s (still running as pid $(cat "$PID_FILE" 2>/dev/null); 'kafka.sh stop' to end it)"
}

# ---------------------------------------------------------------- commands

cmd_start() {
  lock
  if pid_alive; then
    say "already running (pid $(cat "$PID_FILE")), waiting until ready"
    wait_ready
    say "ready on $HOST:$PORT; log: $LOG_FILE"
    return 0
  fi
  if port_open "$PORT"; then
    if broker_ready; then
      say "a broker already answers on $HOST:$PORT; not starting another"
      return 0
    fi
    die "port $HOST:$PORT is in use by something that is not a ready Kafka broker"
  fi
  if port_open "$CONTROLLER_PORT"; then
    die "controller port $HOST:$CONTROLLER_PORT is already in use (set KAFKA_CONTROLLER_PORT)"
  fi
  command -v java >/dev/null 2>&1 || die "java not found: a JDK 17+ is needed to run the broker"
  rm -f "$PID_FILE"

  cmd_fetch --quiet
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  write_config
  format_storage

  LOG_LINES_BEFORE=$( (cat "$LOG_FILE" 2>/dev/null || true) | wc -l)
  say "starting Kafka on $HOST:$PORT (controller $HOST:$CONTROLLER_PORT)"
  # shellcheck disable=SC2086 # HEAP_OPTS and JVM_OPTS are word lists
  nohup java $HEAP_OPTS $JVM_OPTS \
    -Dlog4j2.configurationFile="$LOG4J_CONFIG" -Dkafka.logs.dir="$LOG_DIR" \
    @"$CLASSPATH_ARGS" kafka.Kafka "$CONFIG" >"$OUT_FILE" 2>&1 </dev/null 9>&- &
  echo $! >"$PID_FILE"
  local t0=$SECONDS
  wait_ready
  say "ready on $HOST:$PORT in $((SECONDS - t0))s (pid $(cat "$PID_FILE")); log: $LOG_FILE"
}

cmd_stop() {
  lock
  if ! pid_alive; then
    rm -f "$PID_FILE"
    if port_open "$PORT"; then
      say "not started by this script, but something answers on $HOST:$PORT; leaving it alone"
    else
      say "not running"
    fi
    return 0
  fi
  local pid i
  pid="$(cat "$PID_FILE")"
  say "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still alive after 30 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
  fi
  rm -f "$PID_FILE"
  say "stopped"
}

cmd_status() {
  if pid_alive; then
    if broker_ready; then
      say "running (pid $(cat "$PID_FILE")) and ready on $HOST:$PORT"
    else
      say "running (pid $(cat "$PID_FILE")) but not ready on $HOST:$PORT"
    fi
    return 0
  fi
  if port_open "$PORT"; then
    say "a broker not started by this script answers on $HOST:$PORT"
    return 0
  fi
  say "not running"
  return 1
}

cmd_logs() {
  [[ -f "$LOG_FILE" ]] || die "no log yet at $LOG_FILE"
  if [[ "${1:-}" == "-f" ]]; then
    exec tail -n "${LINES:-100}" -F "$LOG_FILE"
  fi
  tail -n "${LINES:-100}" "$LOG_FILE"
}

cmd_reset() {
  cmd_stop
  rm -rf "$DATA_DIR" "$LOG_DIR" "$CONFIG"
  say "data deleted ($DATA_DIR)"
}

usage() {
  sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  fetch) shift; cmd_fetch "$@" ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  reset) cmd_reset ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
