#!/bin/sh
# System packages the test suite needs beyond the venv: Debian's chromium for the report's browser test
# (tests/test_report.py renders report.html headless and saves a screenshot; nothing is downloaded at test time).
# Safe to run repeatedly: it installs only what is missing. Without root it warns and leaves the browser test
# to skip locally (it fails in CI, where CI=true, so a missing browser never passes silently there).
set -eu

CHROMIUM=${BIWAQ_CHROMIUM:-/usr/bin/chromium}

if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "WARNING: $CHROMIUM is missing and apt-get is not available; the report's browser test will be skipped (fails under CI=true)." >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "WARNING: $CHROMIUM is missing and we are not root; install it with 'sudo apt-get install -y chromium'. The report's browser test will be skipped (fails under CI=true)." >&2
    exit 0
fi
echo "installing chromium for the report's browser test (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
test -x "$CHROMIUM" || { echo "ERROR: apt-get installed chromium but $CHROMIUM is not there" >&2; exit 1; }
echo "chromium installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
