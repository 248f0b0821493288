#!/usr/bin/env bash
# Regenerates azuredeploy.json from main.bicep with the Bicep compiler, when one is installed (the Azure
# CLI's "az bicep" or the standalone "bicep"). With --check it compiles to a temporary file and fails if
# that differs from the checked-in azuredeploy.json, which is what CI runs when it has a compiler.
# Without a compiler it says so and exits 0: the tests in BackCareBot.Tests/Deployment then compare the
# Bicep and the ARM JSON structurally instead.
set -euo pipefail
cd "$(dirname "$0")"

check=false
if [ "${1:-}" = "--check" ]; then
  check=true
fi

target=azuredeploy.json
if $check; then
  target=$(mktemp --suffix=.json)
  trap 'rm -f "$target"' EXIT
fi

if command -v bicep >/dev/null 2>&1; then
  bicep build main.bicep --outfile "$target"
elif command -v az >/dev/null 2>&1 && az bicep version >/dev/null 2>&1; then
  az bicep build --file main.bicep --outfile "$target"
else
  echo "No Bicep compiler (bicep or az bicep) found; azuredeploy.json was not regenerated." >&2
  echo "The structural comparison in BackCareBot.Tests/Deployment still checks it against the Bicep." >&2
  exit 0
fi

if $check; then
  # The compiler stamps its version and a template hash into metadata; compare everything else.
  strip='del(.metadata)'
  if ! diff <(jq -S "$strip" azuredeploy.json) <(jq -S "$strip" "$target") >/dev/null; then
    echo "azuredeploy.json is out of date: run DeploymentTemplates/build-arm.sh and commit the result." >&2
    exit 1
  fi
  echo "azuredeploy.json matches main.bicep."
fi
