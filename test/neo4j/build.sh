#!/usr/bin/env bash
# Statecraft test/CI Neo4j launcher: build step (used by CI and by neo4j.sh / harness.ts when needed).
# Compiles Launcher.java into target/classes and copies Neo4j 5.26 and all its runtime jars into target/lib/.
# Usage: bash test/neo4j/build.sh [--if-needed]   (--if-needed: skip when target/ is newer than the pom and sources)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

needs_build() {
  local stamp="$here/target/classes/dev/statecraft/neo4j/Launcher.class"
  [[ -f "$stamp" && -d "$here/target/lib" ]] || return 0
  [[ -n "$(ls -A "$here/target/lib" 2>/dev/null)" ]] || return 0
  [[ -n "$(find "$here/pom.xml" "$here/src" -type f -newer "$stamp" -print -quit)" ]] && return 0
  return 1
}

if [[ "${1:-}" == "--if-needed" ]] && ! needs_build; then
  exit 0
fi

# Several test processes may ask at once: build one at a time, and skip if another just built it.
mkdir -p "$here/target"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$here/target/.build.lock"
  flock 9
  if [[ "${1:-}" == "--if-needed" ]] && ! needs_build; then
    exit 0
  fi
fi

if ! command -v mvn >/dev/null 2>&1; then
  echo "neo4j build: Maven (mvn) is not installed; it needs Java 17+ and Maven 3.6.3+" >&2
  exit 1
fi

echo "neo4j build: building the embedded Neo4j launcher (first run downloads ~130 MB from Maven Central)" >&2
# Drop stale jars (e.g. after a Neo4j version bump) before copying the current set.
rm -rf "$here/target/lib"
# -B: no progress output. Maven's output goes to stderr so stdout stays clean for the launcher's ready line;
# the sed drops the stray colour-reset codes Maven 3.8 prints even in quiet batch mode (pipefail keeps its status).
mvn -B -q -f "$here/pom.xml" -DskipTests package 2>&1 | sed -e 's/\x1b\[0m//g' -e '/^$/d' 1>&2
# Maven keeps the class file's old mtime when nothing changed; make the stamp newer than the sources.
touch "$here/target/classes/dev/statecraft/neo4j/Launcher.class"
