#!/usr/bin/env bash
# Installs what the Spark job (scripts/spark/parallax_spark.py) and `make scale-test` need, and
# skips what is present: a Java runtime Spark 4 runs on (Debian's openjdk-17-jre-headless when
# there is none of 17 or 21) and pyspark, pinned, in the virtual environment .venv-spark.
# Prints the JAVA_HOME to use on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Spark 4.0 runs on Java 17 and 21 only; pyspark brings Spark's jars, so nothing else is fetched.
PYSPARK_VERSION=4.0.1
VENV=.venv-spark

say() { printf 'setup-spark: %s\n' "$*" >&2; }

# The major version of the `java` at $1 ("" when there is none).
java_major() {
  "$1" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1
}

java_home=""
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" \
  /usr/lib/jvm/java-17-openjdk-*/bin/java /usr/lib/jvm/java-21-openjdk-*/bin/java; do
  [ -n "$candidate" ] && [ -x "$candidate" ] || continue
  case "$(java_major "$candidate")" in
    17 | 21)
      java_home=$(dirname "$(dirname "$(readlink -f "$candidate")")")
      break
      ;;
  esac
done
if [ -z "$java_home" ]; then
  say "installing Debian's openjdk-17-jre-headless"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
  java_home=$(dirname "$(dirname "$(readlink -f /usr/lib/jvm/java-17-openjdk-*/bin/java)")")
fi

if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV"
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import sys, pyspark; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  say "installing pyspark $PYSPARK_VERSION into $VENV (about 450 MB)"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
echo "$java_home"
