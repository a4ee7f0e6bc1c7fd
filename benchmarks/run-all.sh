#!/usr/bin/env bash
# Every figure of the performance targets, side by side with DuckDB, in one command (about 8 minutes on 2 cores):
#   benchmarks/run-all.sh                 each query/format warmed until the JIT settled, as a long-running route
#                                         meets it (the export suite also notes its second run in the fresh JVM)
#   benchmarks/run-all.sh --warmups 1     one warm-up run per query/format, as a second run in a fresh JVM meets it
# Extra arguments go to the engine, export and azurite suites. JAVA_OPTS (for example
# "-Xms6g -XX:+AlwaysPreTouch") is added to the engine and export JVMs. Run it from a clone in which the test kit
# has installed Azurite (mvn test once, or mvn -pl src-test-fixtures generate-resources).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -pl benchmarks -am package -DskipTests
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM options
java -Xmx6g ${JAVA_OPTS:-} -jar "$jar" engine export --rows 10000000 --runs 3 --warmups settled "$@" | tee -a "$out"
java -Xmx2g -jar "$jar" azurite --rows 2000000 --runs 5 "$@" | tee -a "$out"
java -Xmx256m -jar "$jar" scale | tee -a "$out"
echo
echo "Every target of this run ($(grep -cE '^  (holds|MISSED) ' "$out") in all, $(grep -cE '^  MISSED ' "$out") missed):"
grep -E '^  (holds|MISSED) ' "$out"
