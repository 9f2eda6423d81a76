#!/usr/bin/env bash
# Runs the JMH suite and records the results with the machine they ran on.
#
# Usage: benchmarks/run.sh [quick|full] [JMH_ARGUMENT...]
#   quick  1 fork, 2 x 1 s warmup, 3 x 1 s measurement: about 10 minutes on 2 cores.
#   full   the resilience benchmarks with 3 forks, 5 x 1 s warmup and 5 x 1 s measurement,
#          because their 2-thread runs vary from fork to fork. The A2A benchmarks with 2 forks
#          and 6 x 3 s warmup, because each fork starts a whole runtime and its JIT work
#          outlasts a short warmup. The others with 1 fork, 3 x 2 s warmup and 5 x 2 s
#          measurement. About 45 minutes on 2 cores.
# Further arguments go to JMH: in quick mode a benchmark name pattern narrows the run, e.g.
# 'McpBenchmark'; in full mode pass only options such as '-p agents=1000', because a pattern
# would add benchmarks to both of its invocations.
#
# Writes benchmarks/results/<date>-<jdk>.json (a '-2', '-3' suffix is added instead of
# overwriting): JMH's JSON results wrapped with the JDK, CPU model, core count and GC.
# Turn one into benchmarks/RESULTS.md and its charts with
#   java -cp benchmarks/target/benchmarks.jar dev.ossp.runtime.benchmarks.report.GenerateReport FILE
#
# Needs benchmarks/target/benchmarks.jar (./mvnw -pl benchmarks -am package -DskipTests), or
# the jar named by BENCHMARKS_JAR (a copy keeps a long run safe from a rebuild), and node plus
# the MCP reference servers that the mcp module's test build installs.
set -euo pipefail

mode="${1:-quick}"
if [[ $# -gt 0 ]]; then
  shift
fi
case "$mode" in
  quick | full) ;;
  -h | --help)
    sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "run.sh: invalid mode '$mode'; use quick or full" >&2
    exit 2
    ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar="${BENCHMARKS_JAR:-benchmarks/target/benchmarks.jar}"
if [[ ! -f "$jar" ]]; then
  echo "run.sh: $jar is missing; build it with ./mvnw -pl benchmarks -am package -DskipTests" >&2
  exit 2
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs one JMH invocation that writes its JSON results to the file named by the first argument.
run_jmh() {
  local output="$1"
  shift
  "$java" -jar "$jar" -prof gc -foe true -rf json -rff "$output" "$@"
}

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
parts=()
if [[ "$mode" == quick ]]; then
  run_jmh "$work/all.json" -f 1 -wi 2 -w 1s -i 3 -r 1s "$@"
  parts+=("$work/all.json")
else
  resilience='^dev\.ossp\.runtime\.benchmarks\.(CircuitBreakerBenchmark|RetryBenchmark)\.'
  run_jmh "$work/resilience.json" -f 3 -wi 5 -w 1s -i 5 -r 1s "$resilience" "$@"
  parts+=("$work/resilience.json")
  a2a='^dev\.ossp\.runtime\.benchmarks\.A2aBenchmark\.'
  run_jmh "$work/a2a.json" -f 2 -wi 6 -w 3s -i 5 -r 2s "$a2a" "$@"
  parts+=("$work/a2a.json")
  run_jmh "$work/others.json" -f 1 -wi 3 -w 2s -i 5 -r 2s \
    -e "$resilience" -e "$a2a" '^dev\.ossp\.runtime\.benchmarks\.' "$@"
  parts+=("$work/others.json")
fi

jdk="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.version = //p')"
mkdir -p benchmarks/results
base="benchmarks/results/$(date -u +%Y-%m-%d)-jdk${jdk}"
target="$base.json"
n=2
while [[ -e "$target" ]]; do
  target="$base-$n.json"
  n=$((n + 1))
done

"$java" -cp "$jar" dev.ossp.runtime.benchmarks.report.RecordResults \
  --mode "$mode" --started "$started" --output "$target" "${parts[@]}"
echo "run.sh: wrote $target"
