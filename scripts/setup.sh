#!/bin/sh
# Installs what the project needs on a fresh machine: npm packages (when missing or stale) and,
# with --browsers, Debian's Chromium (with its zh-CN locale), Firefox ESR and CJK fonts for the
# real-browser tests.
set -e
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
if [ "$1" = "--browsers" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/lib/chromium/locales/zh-CN.pak ] || [ ! -x /usr/bin/firefox-esr ] || [ ! -d /usr/share/fonts/opentype/noto ]; then
    echo "setup: installing chromium, chromium-l10n, firefox-esr, fonts-noto-cjk (Debian packages)"
    SUDO=""
    [ "$(id -u)" = "0" ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-l10n firefox-esr fonts-noto-cjk >/dev/null
  fi
fi
