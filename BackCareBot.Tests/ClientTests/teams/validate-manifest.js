// Validates a Teams app manifest against the official JSON schema of the version its $schema names, loaded
// from the copy bundled in @microsoft/app-manifest, so the check never needs the network.
// Usage: node validate-manifest.js path/to/manifest.json
// Prints "valid" and exits 0, or prints one schema error per line and exits 1.
"use strict";
const fs = require("fs");
const path = require("path");
const { AppManifestUtils } = require("@microsoft/app-manifest");

async function main(manifestPath) {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  const match = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v[0-9.]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema || "");
  if (!match) {
    throw new Error(`$schema is not an official Teams schema URL: ${manifest.$schema}`);
  }

  const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const schemaPath = path.join(packageRoot, "build", "json-schemas", "teams", match[1], "MicrosoftTeams.schema.json");
  if (!fs.existsSync(schemaPath)) {
    throw new Error(`@microsoft/app-manifest does not bundle the ${match[1]} schema`);
  }

  // The official schemas contain "\a" in a regular expression, which JSON.parse rejects; the package's own
  // loader makes the same replacement.
  const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  if (errors.length > 0) {
    for (const error of errors) {
      console.log(error);
    }
    process.exitCode = 1;
    return;
  }

  console.log(`valid (${match[1]})`);
}

main(process.argv[2]).catch((error) => {
  console.error(error.message);
  process.exitCode = 2;
});
