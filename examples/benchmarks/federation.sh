#!/usr/bin/env bash
# Federation benchmark: RSA-2048 sign/verify rates, fan-out deliveries/s, signed inbox activities/s.
# Loopback only; starts an embedded PostgreSQL; stops by itself. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
exec mvn -B -q -pl federation test-compile exec:java \
  -Dexec.mainClass=de.offenekommune.federation.bench.FederationBenchmark \
  -Dexec.classpathScope=test \
  -Dbench.recipients="${BENCH_RECIPIENTS:-2000}" -Dbench.inbox="${BENCH_INBOX:-2000}" "$@"
