#!/usr/bin/env bash
# Times `mvn contracts:check` (not a test; see README.md). Each figure is the median of 3 runs after
# one untimed run, with `mvn validate` on the same project timed in the same run as the floor
# (Maven start and model).
#   1. 200 subjects x 5 versions, BACKWARD_TRANSITIVE, against a local Apicurio Registry 3.3
#   2. 500 subjects x 20 versions, BACKWARD_TRANSITIVE, against the git history
#   3. 200 subjects x 5 versions, BACKWARD_TRANSITIVE, against the same versions two ways: a directory
#      baseline, and a stand-in registry (WireMock, no added latency) serving them as Confluent's bulk
#      listing; the registry check should cost at most 1.25x the directory check
# Needs a Java 21+ runtime for Apicurio (JAVA21=/path/to/java, else found under /usr/lib/jvm).
# The fixture projects carry .mvn/jvm.config as this repository does; CONTRACTS_JVM_CONFIG=false
# leaves it out, to time Maven's default JVM.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
version="$(sed -n 's:.*<revision>\(.*\)</revision>.*:\1:p' "$root/pom.xml" | head -1)"  # the project's ${revision}

echo "building the plugin and the benchmarks jar, unpacking Apicurio"
(cd "$root" && mvn -q -B -DskipTests install -pl maven-plugin,benchmarks -am \
  && mvn -q -B dependency:unpack@unpack-apicurio -pl registry-client)

java21="${JAVA21:-}"
if [ -z "$java21" ]; then
  for home in /usr/lib/jvm/*; do
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then java21="$home/bin/java"; fi
  done
fi
[ -n "$java21" ] || { echo "no Java 21+ runtime: set JAVA21" >&2; exit 1; }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port/apis/ccompat/v7"
(cd "$root/registry-client/target/apicurio" && exec "$java21" -Xmx512m -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.port="$port" -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$mport" \
  -jar quarkus-run.jar > "$work/apicurio.log" 2>&1) &
registry_pid=$!
bulk_pid=""
trap 'kill $registry_pid $bulk_pid 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "$url/subjects" > /dev/null; do sleep 0.5; done

jar="$root/benchmarks/target/benchmarks.jar"
fixtures() { java -cp "$jar" io.kafkacontracts.benchmarks.CheckFixtures "$@"; }

# Milliseconds of one command; its output goes to $work/last.log.
millis() {
  local start end
  start=$(date +%s%N)
  "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }  # stderr: stdout is captured
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

measure() {  # <label> <project dir> <check options...>
  local label="$1" dir="$2"; shift 2
  local floors=() checks=() warmup
  # One untimed run first: a registry that CI talks to has been up for days, not seconds, and
  # Apicurio's first answers to each endpoint are its JIT's warm-up. Every timed run is a new
  # Maven JVM, as on CI.
  warmup="$(cd "$dir" && millis mvn -B -o "io.kafkacontracts:contracts-maven-plugin:$version:check" "$@")"
  for _ in 1 2 3; do
    floors+=("$(cd "$dir" && millis mvn -B -o validate)")
    checks+=("$(cd "$dir" && millis mvn -B -o "io.kafkacontracts:contracts-maven-plugin:$version:check" "$@")")
    grep -o 'kafka-contracts: fetched.*\|kafka-contracts: the gate ran.*' "$work/last.log" >&2 || true
    grep -o 'note: registry lists versions in bulk.*' "$work/last.log" | tail -1 >&2 || true
    grep -o 'kafka-contracts: [0-9]* violations.*' "$work/last.log" | tail -1 > "$work/summary"
  done
  printf '%s: check %s ms (runs %s; untimed first run %s), mvn validate floor %s ms (runs %s); %s\n' "$label" \
    "$(median "${checks[@]}")" "${checks[*]}" "$warmup" "$(median "${floors[@]}")" "${floors[*]}" "$(cat "$work/summary")"
}

echo "fixtures: 200 subjects x 5 versions in the registry"
fixtures registry "$work/registry" 200 5 "$url" "$version"
echo "fixtures: 500 subjects x 20 versions in git"
fixtures git "$work/git" 500 20 "$version"

echo "fixtures: 200 subjects x 5 versions as a directory baseline, and served as Confluent's listing"
fixtures directory "$work/directory" 200 5 "$version"
java -cp "$jar" io.kafkacontracts.benchmarks.BulkRegistry "$work/directory/baseline" BACKWARD_TRANSITIVE \
  > "$work/bulk.port" 2> "$work/bulk.log" &
bulk_pid=$!
until [ -s "$work/bulk.port" ]; do sleep 0.2; done
bulk_url="http://127.0.0.1:$(head -1 "$work/bulk.port")"

measure "registry 200x5 BACKWARD_TRANSITIVE" "$work/registry" "-Dcontracts.registry.url=$url"
measure "git 500x20 BACKWARD_TRANSITIVE" "$work/git" "-Dcontracts.against=HEAD"
measure "directory 200x5 BACKWARD_TRANSITIVE" "$work/directory" "-Dcontracts.baselineDirectory=$work/directory/baseline"
measure "bulk listing 200x5 BACKWARD_TRANSITIVE" "$work/directory" "-Dcontracts.registry.url=$bulk_url"
