#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: runs the dashboard's page walk with POCKETIT_SCREENSHOTS set.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x /usr/bin/chromium ]] || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
POCKETIT_SCREENSHOTS="$PWD/docs/screenshots" dotnet test tests/PocketIT.Dashboard.Tests -nologo \
  --filter "FullyQualifiedName~ScreenshotTests"
ls -1 docs/screenshots
