#!/usr/bin/env bash
# Installs, only when missing, the real servers and clients the tests run against. Nothing is downloaded
# from outside the package registries: PostgreSQL and Chromium come from Debian, client libraries from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_apt+=(postgresql)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing test prerequisites from Debian: ${need_apt[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The real browser-side clients (botframework-directlinejs, playwright-core) at the versions the lock file pins.
if [ ! -d BackCareBot.Tests/ClientTests/node_modules ] || [ BackCareBot.Tests/ClientTests/package-lock.json -nt BackCareBot.Tests/ClientTests/node_modules ]; then
  (cd BackCareBot.Tests/ClientTests && npm ci --no-audit --no-fund --ignore-scripts)
fi
