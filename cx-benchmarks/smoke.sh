#!/usr/bin/env bash
# Smoke run of every benchmark on tiny data: builds nothing, times nothing that matters.
# Each trial's setup cross-checks its approach against the cxkit reference and fails on a mismatch,
# so this catches benchmarks that rot. Needs cx-benchmarks/target/benchmarks.jar (mvn -B verify).
# Usage: bash cx-benchmarks/smoke.sh   (from the repository root; about a minute)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "smoke: $jar not found; run 'mvn -B verify' first" >&2
  exit 1
fi
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
# -foe true: fail on the first benchmark error (a failed cross-check is an error in setup).
java -Xmx2g -jar "$jar" -p size=20000 -p segments=100 -f 0 -wi 0 -i 1 -r 100ms -foe true -rf text -rff "$out" >/dev/null
total=0
for expect in SurveyScoresBenchmark:15 RecorderBenchmark:6 SnapshotBenchmark:2 JourneyStreamBenchmark:3 \
    JourneyEngineBenchmark:21; do
  class="${expect%%:*}"
  expected="${expect##*:}"
  count="$(grep -c "^$class\." "$out" || true)"
  if [ "$count" -ne "$expected" ]; then
    echo "smoke: expected $expected $class results, got $count" >&2
    cat "$out" >&2
    exit 1
  fi
  total=$((total + count))
done
# The event log's footprint measurement (JOL + heap) must run too; its figure is not checked here.
java -Xmx1g -cp "$jar" io.cxkit.benchmarks.LogFootprint 20000 2000 | grep "^event log footprint"
echo "benchmark smoke run: all $total benchmarks ran and their cross-checks held"
