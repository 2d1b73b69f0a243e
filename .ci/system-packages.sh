#!/usr/bin/env bash
# The Debian/Ubuntu packages Clusterhub needs beside Python and npm: python3-venv,
# chromium (browser tests),
# a Java 17+ runtime (the mapping engine's Spark path), Pango and a font (the study as PDF),
# GNU gettext (compiling the translations). Installs the missing ones with apt-get when run
# as root; otherwise names them and the one command to run, and fails.
set -euo pipefail

missing=()
# Debian's Python makes virtual environments only with python3-venv (ensurepip).
"${PYTHON:-python3}" -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
command -v chromium >/dev/null || missing+=(chromium)
java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ] 2>/dev/null; then
  missing+=(java)
fi
# (grep reads everything: with pipefail, an early exit of `grep -q` can fail the pipe.)
if ! /sbin/ldconfig -p 2>/dev/null | grep libpangoft2-1.0 >/dev/null; then
  missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fi
if ! command -v fc-list >/dev/null || [ -z "$(fc-list 2>/dev/null | head -n1)" ]; then
  missing+=(fontconfig fonts-dejavu-core)
fi
command -v msgfmt >/dev/null || missing+=(gettext)

[ ${#missing[@]} -eq 0 ] && exit 0

# A Java 17 runtime where the distribution has one (Debian 12, Ubuntu 22.04/24.04), else its
# default runtime (Debian 13 ships 21), which Spark 4 accepts too.
java_package() {
  if apt-cache show openjdk-17-jre-headless >/dev/null 2>&1; then
    echo openjdk-17-jre-headless
  else
    echo default-jre-headless
  fi
}

if [ "$(id -u)" -ne 0 ]; then
  packages=("${missing[@]/java/openjdk-17-jre-headless}")
  echo "make setup: missing system packages: ${packages[*]}." >&2
  echo "Run once as root, then run make again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
packages=()
for package in "${missing[@]}"; do
  if [ "$package" = java ]; then packages+=("$(java_package)"); else packages+=("$package"); fi
done
echo "make setup: installing ${packages[*]}"
apt-get install -y -q --no-install-recommends "${packages[@]}"
