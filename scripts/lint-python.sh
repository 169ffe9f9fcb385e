#!/bin/sh
# pyflakes over the script, the simulator and their tests (the Python 3.7
# syntax check of the script is a unit test: live-script/tests/test_script_source.py).
# Debian's python3-pyflakes gives `python3 -m pyflakes` for the system Python and
# `pyflakes3`; pip's gives `pyflakes`. CI installs it (.ci/run); elsewhere a
# missing pyflakes is said and skipped, so `npm test` runs on a machine without it.
# live-script/tests/third_party/ holds other people's scripts as published (never
# committed, see its README.md): it is not linted.
set -eu
cd "$(dirname "$0")/.."
lint() {
  find live-script -path live-script/tests/third_party -prune -o -type f -name '*.py' -exec "$@" {} +
}
if python3 -m pyflakes --version >/dev/null 2>&1; then
  lint python3 -m pyflakes
  exit
fi
for command in pyflakes3 pyflakes; do
  if command -v "$command" >/dev/null 2>&1; then
    lint "$command"
    exit
  fi
done
if [ "${CI:-}" = "true" ]; then
  echo "lint-python: pyflakes is missing (apt-get install python3-pyflakes)" >&2
  exit 1
fi
echo "lint-python: pyflakes not found, Python lint skipped (apt-get install python3-pyflakes, or pip install pyflakes)" >&2
