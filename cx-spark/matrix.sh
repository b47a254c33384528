#!/usr/bin/env bash
# Runs cx-spark's tests (unit tests, and the shaded-jar query in a Spark-only JVM) against every
# supported Spark line other than the default one, which `mvn -B verify` has already tested:
#   Spark 3.5 / Scala 2.12, Spark 3.5 / Scala 2.13, Spark 4.1 / Scala 2.13.
# Called by .ci/run after `mvn -B verify`. Usage: bash cx-spark/matrix.sh [extra mvn args]
set -euo pipefail
cd "$(dirname "$0")/.."
lines=(
  "spark-3.5 2.12"
  "spark-3.5 2.13"
  "spark-4.1 2.13"
)
for line in "${lines[@]}"; do
  read -r profile scala <<<"$line"
  start=$(date +%s)
  echo "== cx-spark on ${profile} (Scala ${scala})"
  # -am builds cx-core and cx-survey too (their own tests already ran in mvn verify, so the
  # pattern selects cx-spark's tests only); javadoc, sources and coverage are verify's business.
  # clean: the compiler does not recompile when only the Spark/Scala jars change, and classes built
  # against one Scala line can fail on another (NoSuchMethodError on a Scala library signature).
  mvn -B -q -pl cx-spark -am clean verify "-P${profile}" "-Dscala.binary.version=${scala}" \
    -Dtest='io/cxkit/spark/*Test' -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ShadedJarIT \
    -Dfailsafe.failIfNoSpecifiedTests=false \
    -Djacoco.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true "$@"
  echo "== cx-spark on ${profile} (Scala ${scala}): passed in $(( $(date +%s) - start )) s"
done
