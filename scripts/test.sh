#!/usr/bin/env bash
# Runs every test BackCareBot has, on a fresh machine as on a developer's: installs what the tests
# need (PostgreSQL server binaries, Debian's Chromium, the npm client libraries), then the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

"$(dirname "$0")/install-test-prerequisites.sh"

dotnet test BackCareBot.sln --configuration Release --logger "console;verbosity=normal" "$@"
