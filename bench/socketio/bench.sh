#!/usr/bin/env bash
# Side-by-side benchmark: PocketIT.SocketIO vs Node.js socket.io 4.8 on this machine, same load generator.
# Not a test and not run in CI. Loopback only; every phase is bounded in count and time.
set -euo pipefail
cd "$(dirname "$0")"
ulimit -n "$(ulimit -Hn)" # 10,000 sockets per process need more than the usual 1,024
npm ci --no-audit --no-fund --loglevel=error >/dev/null
dotnet build server-dotnet -c Release -v quiet -nologo >/dev/null

wait_for_port() {
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$1/bench/gc" && return 0
    sleep 0.2
  done
  echo "server on port $1 did not start" >&2
  return 1
}

run_one() { # name port command...
  local name=$1 port=$2
  shift 2
  "$@" >/dev/null 2>&1 &
  local pid=$!
  wait_for_port "$port"
  node load.mjs "$port" "$pid" > "result-$name.json"
  kill "$pid" 2>/dev/null || echo "$name server had already exited" >&2
  wait "$pid" 2>/dev/null || true
  echo "$name: $(cat "result-$name.json")" >&2
}

echo "machine: $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
run_one dotnet 4100 dotnet server-dotnet/bin/Release/net10.0/BenchServer.dll --urls http://127.0.0.1:4100
sleep 2
run_one node 4200 node --expose-gc server-node.js 4200

node report.mjs result-dotnet.json result-node.json
