#!/usr/bin/env bash
# Statecraft test/CI Neo4j: runs Neo4j 5.26 Community embedded with Bolt on 127.0.0.1 (auth off, LOAD CSV allowed).
# Builds the launcher first when target/ is missing or older than pom.xml/src (see build.sh), then execs Java.
# Usage: bash test/neo4j/neo4j.sh [--port N] [--data DIR] [--import DIR] [--pagecache SIZE]
#          [--transaction-timeout DURATION] [--transaction-memory SIZE]   (npm run neo4j; defaults 60s and 256m)
# Prints "ready bolt://127.0.0.1:<port> import=<dir>" on stdout once Bolt accepts connections; SIGTERM/SIGINT stop it.
# Env: NEO4J_PORT (default port), NEO4J_HEAP (JVM max heap, default 2g), NEO4J_JAVA_OPTS (extra JVM flags).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

bash "$here/build.sh" --if-needed

java_bin="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi

heap="${NEO4J_HEAP:-2g}"
# JVM flags from Neo4j 5's own neo4j.conf defaults: the add-opens keep Neo4j's off-heap/NIO access working on
# Java 17+ without illegal-access warnings; the rest match what the neo4j launcher script passes. No
# -XX:+ExitOnOutOfMemoryError: a console query whose values no memory limit counts (a string doubled in a reduce)
# would then stop the whole server; without it Java's OutOfMemoryError fails that query alone (README, "Limits").
jvm_opts=(
  "-Xms256m"
  "-Xmx$heap"
  "-XX:+UseG1GC"
  "-XX:-OmitStackTraceInFastThrow"
  "-XX:+UnlockDiagnosticVMOptions"
  "-XX:+DebugNonSafepoints"
  "-Djdk.nio.maxCachedBufferSize=1024"
  "-Dio.netty.tryReflectionSetAccessible=true"
  "-Dlog4j2.disable.jmx=true"
  "-Dfile.encoding=UTF-8"
  "--add-opens=java.base/java.nio=ALL-UNNAMED"
  "--add-opens=java.base/java.io=ALL-UNNAMED"
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
  "--add-opens=java.base/java.lang=ALL-UNNAMED"
)

# shellcheck disable=SC2206 # NEO4J_JAVA_OPTS is deliberately word-split.
extra_opts=(${NEO4J_JAVA_OPTS:-})

exec "$java_bin" "${jvm_opts[@]}" "${extra_opts[@]}" \
  -cp "$here/target/classes:$here/target/lib/*" \
  dev.statecraft.neo4j.Launcher "$@"
