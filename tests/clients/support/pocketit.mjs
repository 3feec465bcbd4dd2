// Starts the real Pocket IT server (the built PocketIT.Server.dll) on a free loopback port with a temp data dir.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const binDir = path.join(root, "src/PocketIT.Server/bin/Debug/net10.0");
export const adminPassword = "Live-Test-Admin-Password-1";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startPocketIt(extraEnv = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "pocketit-live-"));
  const env = {
    ...process.env,
    DOTNET_NOLOGO: "1",
    PocketIT__DataDir: dataDir,
    PocketIT__Bootstrap__AdminPassword: adminPassword,
    PocketIT__Auth__BcryptWorkFactor: "4",
    PocketIT__Faces__PocketIt__Port: String(port),
    PocketIT__Faces__RemoteSupport__Enabled: "false",
    PocketIT__Faces__DeviceGateway__Enabled: "false",
    PocketIT__Faces__ConnectAssist__Enabled: "false",
    PocketIT__Faces__ProPass__Enabled: "false",
    Logging__LogLevel__Default: "Warning",
    ...extraEnv,
  };
  const child = spawn("dotnet", [path.join(binDir, "PocketIT.Server.dll")], { cwd: binDir, env, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error("server did not start in 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        const done = () => { rmSync(dataDir, { recursive: true, force: true }); resolve(); };
        if (child.exitCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}

/** JSON over the REST API; with no token, loopback requests use the localhost bypass. */
export async function api(url, method, route, body, token) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Records every event a socket receives, so a test can wait for one or assert that none came. */
export function recorder(socket) {
  const seen = [];
  const waiters = [];
  socket.onAny((name, data) => {
    seen.push({ name, data });
    for (const w of [...waiters]) if (w.name === name && w.match(data)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(data); }
  });
  return {
    seen,
    next(name, match = () => true, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${name}" within ${ms} ms; saw ${seen.map((s) => s.name).join(", ")}`)), ms);
        waiters.push({ name, match, resolve: (d) => { clearTimeout(timer); resolve(d); } });
      });
    },
    wait(name, match = () => true, ms = 10_000) {
      const found = seen.find((s) => s.name === name && match(s.data));
      return found ? Promise.resolve(found.data) : this.next(name, match, ms);
    },
  };
}
