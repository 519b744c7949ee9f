#!/usr/bin/env bash
# Statecraft bulk first load through the launcher's Neo4j 5.26 jars: `neo4j-admin database import full` into the
# Neo4j home that neo4j.sh runs with --data (see src/main/java/dev/statecraft/neo4j/BulkImport.java). Builds the
# launcher first when needed. Used by `npm run load -- --bulk --neo4j-home DIR`.
# Usage: bash test/neo4j/import.sh --data DIR [--database NAME] -- <neo4j-admin database import full arguments>
# Exit codes: 0 imported; 3 the database is not empty; 4 Neo4j is running on DIR; else the import tool's.
# Env: NEO4J_IMPORT_HEAP (JVM max heap, default 1g; the importer works mostly off-heap), NEO4J_JAVA_OPTS.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

bash "$here/build.sh" --if-needed

java_bin="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi

# shellcheck disable=SC2206 # NEO4J_JAVA_OPTS is deliberately word-split.
extra_opts=(${NEO4J_JAVA_OPTS:-})

exec "$java_bin" "-Xmx${NEO4J_IMPORT_HEAP:-1g}" -XX:+UseG1GC -Dfile.encoding=UTF-8 \
  "--add-opens=java.base/java.nio=ALL-UNNAMED" "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED" \
  "--add-opens=java.base/java.lang=ALL-UNNAMED" "${extra_opts[@]}" \
  -cp "$here/target/classes:$here/target/lib/*" \
  dev.statecraft.neo4j.BulkImport "$@"
