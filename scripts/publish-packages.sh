#!/usr/bin/env bash
# Publishes what the server hands out as per-client installers, in the layout it serves from
# (PocketIT__Installer__PackagesDir):
#   <out>/<rid>/          the agent (pocketit-agent + files), zipped per download
#   <out>/setup/<rid>/    the bootstrapper (PocketIT.Setup[.exe]), served with the client's overlay appended
# Both are self-contained single files: a device needs no .NET installed.
#
# Usage: scripts/publish-packages.sh [--out DIR] [--agent RIDS] [--setup RIDS] [rid ...]
#   rid ...        publish both parts for these runtimes (default, with no rids and no --agent/--setup:
#                  linux-x64 win-x64)
#   --agent RIDS   comma-separated runtimes to publish the agent for (no bootstrapper)
#   --setup RIDS   comma-separated runtimes to publish the bootstrapper for
#   --out DIR      where to put them (default: artifacts/packages)
# Then: PocketIT__Installer__PackagesDir=$PWD/artifacts/packages dotnet run --project src/PocketIT.Server
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=artifacts/packages
agent_rids=() setup_rids=() rids=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --agent) IFS=, read -ra agent_rids <<< "${2:?--agent needs rids}"; shift 2 ;;
    --setup) IFS=, read -ra setup_rids <<< "${2:?--setup needs rids}"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) rids+=("$1"); shift ;;
  esac
done
if [[ ${#rids[@]} -eq 0 && ${#agent_rids[@]} -eq 0 && ${#setup_rids[@]} -eq 0 ]]; then rids=(linux-x64 win-x64); fi
agent_rids+=("${rids[@]}") ; setup_rids+=("${rids[@]}")
for rid in "${agent_rids[@]}" "${setup_rids[@]}"; do
  [[ $rid =~ ^(win|linux|osx)-(x64|arm64|x86)$ ]] || { echo "not a supported runtime: $rid" >&2; exit 2; }
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

single_file=(-c Release --self-contained true -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true
  -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none -p:GenerateDocumentationFile=false -nologo -v q -clp:ErrorsOnly)

publish() { # project, rid, destination, extra properties...
  local project=$1 rid=$2 dest=$3; shift 3
  local staging="$dest.publishing"
  rm -rf "$staging"
  local started=$SECONDS
  # Publish to a staging folder and swap it in, so a running server never serves half a package.
  dotnet publish "$project" -r "$rid" "${single_file[@]}" "$@" -o "$staging"
  rm -rf "$dest" && mv "$staging" "$dest"
  echo "published $(basename "$project" .csproj) $rid → $dest ($(du -sh "$dest" | cut -f1), $((SECONDS - started)) s)"
}

for rid in "${agent_rids[@]}"; do
  publish src/PocketIT.Agent/PocketIT.Agent.csproj "$rid" "$out/$rid"
done
for rid in "${setup_rids[@]}"; do
  mkdir -p "$out/setup"
  # The bootstrapper only downloads and unzips: trimming takes it from ~70 MB to a few MB.
  publish src/PocketIT.Setup/PocketIT.Setup.csproj "$rid" "$out/setup/$rid" -p:PublishTrimmed=true
done
echo "packages in $out — serve them with PocketIT__Installer__PackagesDir=$out"
