#!/usr/bin/env bash
# Runs the socket.io-client interop tests: installs the pinned client, builds the hosts, runs node --test.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
dotnet build ../PocketIT.SocketIO.ConformanceHost -v quiet -nologo
dotnet build ../../src/PocketIT.Server -v quiet -nologo
node --test --test-concurrency=1 test/
