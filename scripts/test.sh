#!/usr/bin/env bash
# Runs every test suite: .NET tests on SQLite, the server's integration tests again on PostgreSQL,
# and the Node client tests. Starts what they need. Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log_dir=$(mktemp -d)
status=0

# The dashboard's browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
if [[ ! -x /usr/bin/chromium ]]; then
  echo "installing chromium..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium could not be installed"
fi

if ! dotnet build PocketIT.slnx -nologo -v q -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# The installer tests serve and run the real published packages: the agent for linux-x64 and win-x64 (the
# server serves a Windows bootstrapper only when its agent is there) and the bootstrapper for both.
echo "== publish installer packages"
if ! scripts/publish-packages.sh --agent linux-x64,win-x64 --setup win-x64,linux-x64; then
  echo "publishing the installer packages failed (scripts/publish-packages.sh)"
  echo "0 passed, 1 failed"
  exit 1
fi

run_dotnet() { # name, then dotnet test arguments
  local name=$1; shift
  echo "== $name"
  dotnet test --no-build -nologo "$@" 2>&1 | tee "$log_dir/$name.log" | grep -E "^(Passed!|Failed!)|\[FAIL\]|Error Message|^\s+(Assert|Expected|Actual)" || true
  [[ ${PIPESTATUS[0]} == 0 ]] || status=1
}

run_dotnet sqlite PocketIT.slnx

pg=$(scripts/postgres.sh) || { echo "PostgreSQL could not be started"; status=1; }
if [[ -n ${pg:-} ]]; then
  POCKETIT_TEST_POSTGRES="$pg" run_dotnet postgres tests/PocketIT.Server.Tests/PocketIT.Server.Tests.csproj
fi

if [[ -x tests/clients/run.sh ]]; then
  echo "== node clients"
  tests/clients/run.sh 2>&1 | tee "$log_dir/node.log" | grep -E "^# (pass|fail|skipped)|^not ok" || true
  [[ ${PIPESTATUS[0]} == 0 ]] || status=1
fi

# One line for all suites together.
cat "$log_dir"/*.log | awk '
  /^(Passed!|Failed!)/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
  }
  /^# pass / { p += $3 } /^# fail / { f += $3 } /^# skipped / { s += $3 }
  END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' > "$log_dir/summary"
summary=$(cat "$log_dir/summary")
failed=$(awk '{print $3}' "$log_dir/summary")
passed=$(awk '{print $1}' "$log_dir/summary")
if [[ $status != 0 && $failed == 0 ]]; then summary="$passed passed, 1 failed"; fi
echo
echo "$summary"
[[ $status == 0 && $failed == 0 ]]
