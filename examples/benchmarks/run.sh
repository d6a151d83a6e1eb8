#!/usr/bin/env bash
# OffeneKommune benchmarks: fan-out, inbox, pages, start and memory, each beside its ceiling.
# Real nodes (own JVMs, -Xmx512m) on the embedded PostgreSQL, loopback only; stops by itself.
#   examples/benchmarks/run.sh [--quick] [--rounds N] [--only pages,inbox,fanout,start] [--jfr]
# See README.md. Needs only the README's toolchain (JDK 21+, Maven 3.8+).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$PWD/node/target/benchmarks/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work"
# Build the node and its test classes (where the benchmark lives), and write their class path.
mvn -B -q -pl node -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="node/target/test-classes:node/target/classes:$(cat node/target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" de.offenekommune.node.bench.Benchmarks --work-dir "$work" "$@"
