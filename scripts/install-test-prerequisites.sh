#!/usr/bin/env bash
# Installs, only when missing, the real servers and clients the tests run against. Nothing is downloaded
# from outside the package registries: PostgreSQL, Chromium and Node.js come from Debian, client
# libraries from npm (pinned by each package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_apt+=(postgresql)
command -v npm >/dev/null || need_apt+=(nodejs npm)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing test prerequisites from Debian: ${need_apt[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Each folder under ClientTests is a real client (Web Chat, Direct Line, streaming, Teams manifest tools)
# that the tests drive with Node; install it again only when its lock file changed.
for lock in BackCareBot.Tests/ClientTests/package-lock.json BackCareBot.Tests/ClientTests/*/package-lock.json; do
  dir=$(dirname "$lock")
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$lock" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages for $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  fi
done
