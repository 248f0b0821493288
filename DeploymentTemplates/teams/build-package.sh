#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + color.png + outline.png in a zip) for upload to Teams or the
# Developer Portal. The bot id is the Azure Bot's app id: MicrosoftAppId, the same setting the bot reads.
#
#   MicrosoftAppId=<guid> DeploymentTemplates/teams/build-package.sh [output-directory]
#
# Optional: TEAMS_APP_ID (a stable GUID for the Teams app; defaults to this project's), APP_VERSION (x.y.z),
# DEVELOPER_NAME, WEBSITE_URL, PRIVACY_URL, TERMS_URL.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/out}"

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
: "${MicrosoftAppId:?Set MicrosoftAppId to the Azure Bot app id (a GUID).}"
[[ "$MicrosoftAppId" =~ $guid ]] || { echo "MicrosoftAppId is not a GUID: $MicrosoftAppId" >&2; exit 2; }

export MICROSOFT_APP_ID="$MicrosoftAppId"
export TEAMS_APP_ID="${TEAMS_APP_ID:-6f1c2b0e-8d4a-4b7e-9c3f-2a5d7e9b1c40}"
export APP_VERSION="${APP_VERSION:-1.0.0}"
export DEVELOPER_NAME="${DEVELOPER_NAME:-BackCareBot}"
export WEBSITE_URL="${WEBSITE_URL:-https://backcarebot.example/}"
export PRIVACY_URL="${PRIVACY_URL:-https://backcarebot.example/privacy}"
export TERMS_URL="${TERMS_URL:-https://backcarebot.example/terms}"
[[ "$TEAMS_APP_ID" =~ $guid ]] || { echo "TEAMS_APP_ID is not a GUID: $TEAMS_APP_ID" >&2; exit 2; }

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

# Only the named placeholders are replaced, so any other "$" in the manifest stays as written.
substitute() {
  local text
  text="$(cat "$1")"
  for name in MICROSOFT_APP_ID TEAMS_APP_ID APP_VERSION DEVELOPER_NAME WEBSITE_URL PRIVACY_URL TERMS_URL; do
    text="${text//\$\{$name\}/${!name}}"
  done
  printf '%s\n' "$text"
}

substitute "$here/manifest.template.json" > "$staging/manifest.json"
cp "$here/color.png" "$here/outline.png" "$staging/"

mkdir -p "$out"
out="$(cd "$out" && pwd)"
package="$out/backcarebot-teams.zip"
rm -f "$package"
if command -v zip >/dev/null; then
  (cd "$staging" && zip -q -X "$package" manifest.json color.png outline.png)
else
  (cd "$staging" && python3 -m zipfile -c "$package" manifest.json color.png outline.png)
fi
cp "$staging/manifest.json" "$out/manifest.json"
echo "$package"
