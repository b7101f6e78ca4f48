#!/usr/bin/env bash
# The e2e tests and benchmarks drive Debian's chromium (Playwright's own browser download has no route here).
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: installing Debian chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "ensure-chromium: no chromium at $path; install Debian's chromium or set CHROMIUM_PATH" >&2
exit 1
