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
npm ci --no-audit --no-fund
