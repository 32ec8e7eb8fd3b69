#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: Chromium (Debian's package; Playwright's own
# browser download cannot reach its CDN here) and the exact npm dependencies from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
# npm 11.19 writes lockfiles without other platforms' optional binaries (@next/swc-*, tailwind oxide)
# and then `npm ci` refuses that same lockfile as "out of sync"; fall back to a lockfile-respecting
# `npm install` when that happens.
if ! npm ci --no-audit --no-fund; then
  echo "setup-tests: npm ci refused the lockfile; installing with npm install instead" >&2
  npm install --no-audit --no-fund
fi
