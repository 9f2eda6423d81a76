#!/bin/sh
# Runs @modelcontextprotocol/conformance from this folder's node_modules on Node 20 or later.
# Arguments pass through, for example: conformance.sh list --client
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
exec node --import "$here/node20-compat.mjs" "$here/node_modules/@modelcontextprotocol/conformance/dist/index.js" "$@"
