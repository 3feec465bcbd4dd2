// Starts the conformance host (with the /interop namespace) on a free loopback port.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const project = path.join(root, "tests/PocketIT.SocketIO.ConformanceHost");
const dll = path.join(project, "bin/Debug/net10.0/PocketIT.SocketIO.ConformanceHost.dll");

export async function startHost() {
  const args = existsSync(dll)
    ? [dll, "--urls", "http://127.0.0.1:0", "--interop"]
    : ["run", "--project", project, "--", "--urls", "http://127.0.0.1:0", "--interop"];
  const child = spawn("dotnet", args, { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("host did not start in 60 s")), 60_000);
    let seen = "";
    child.stdout.on("data", (chunk) => {
      seen += chunk.toString();
      const match = seen.match(/Now listening on: (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`host exited with ${code}`)));
  });
  child.stdout.resume();
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** Resolves with the first emission of `event` (all its arguments), or rejects after `ms`. */
export function once(emitter, event, ms = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    emitter.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}
