// The load generator, identical for both servers: raw WebSockets speaking Engine.IO v4 / Socket.IO v5
// by hand (lighter than socket.io-client, so 10,000 connections fit beside the server on 2 cores).
// Usage: node load.mjs <port> <server pid>   Prints one JSON object with the measurements.
import WebSocket from "ws";
import { readFileSync } from "node:fs";

const port = Number(process.argv[2]);
const pid = Number(process.argv[3]);
const cfg = {
  idleConnections: Number(process.env.IDLE_CONNECTIONS || 10000),
  ackClients: 100,
  ackWindow: 8, // outstanding acks per client in the closed-loop phase
  ackSeconds: 8,
  offeredRate: Number(process.env.OFFERED_RATE || 5000), // acks per second in the fixed-load phase
  latencySeconds: 8,
  broadcastClients: 1000,
  broadcasts: 200,
};
const url = `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let sourceIp = 2;

function rssBytes() {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+) kB/)[1]) * 1024;
}

async function collectGarbage() {
  await fetch(`http://127.0.0.1:${port}/bench/gc`).then((r) => r.text());
  await sleep(500);
}

/** One Socket.IO client on the main namespace. */
function connect(onMessage) {
  return new Promise((resolve, reject) => {
    // Spread connections over source addresses so 10,000 sockets never run out of ephemeral ports.
    const localAddress = `127.0.0.${sourceIp}`;
    sourceIp = sourceIp >= 250 ? 2 : sourceIp + 1;
    const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true, localAddress });
    const client = { ws, pending: new Map(), nextId: 0, ticks: 0 };
    const timer = setTimeout(() => reject(new Error("connect timeout")), 30000);
    ws.on("error", reject);
    ws.on("message", (data, isBinary) => {
      if (isBinary) return;
      // Hot paths look at the first bytes only, so the generator spends little per message.
      if (client.fast?.(data)) return;
      const text = data.toString();
      if (text === "2") return ws.send("3");
      if (text[0] === "0") return ws.send("40");
      if (text.startsWith("40")) {
        clearTimeout(timer);
        return resolve(client);
      }
      onMessage?.(client, text);
    });
  });
}

function onAck(client, text) {
  if (!text.startsWith("43")) return;
  const id = Number(text.slice(2, text.indexOf("[")));
  const resolve = client.pending.get(id);
  client.pending.delete(id);
  resolve?.();
}

function emitWithAck(client, payload) {
  const id = client.nextId++;
  const sent = process.hrtime.bigint();
  return new Promise((resolve) => {
    client.pending.set(id, () => resolve(Number(process.hrtime.bigint() - sent) / 1e6));
    client.ws.send(`42${id}["echo",${payload}]`);
  });
}

async function connectMany(count, onMessage) {
  const clients = [];
  for (let i = 0; i < count; i += 500) {
    const batch = Math.min(500, count - i);
    clients.push(...(await Promise.all(Array.from({ length: batch }, () => connect(onMessage)))));
  }
  return clients;
}

async function closeAll(clients) {
  for (const c of clients) c.ws.terminate();
  await sleep(1500);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const payload = JSON.stringify({ n: 1, text: "hello from the benchmark" });
const result = { config: cfg };
const phases = (process.env.PHASES || "memory,acks,broadcast").split(",");

let clients;
// 1. Memory per idle connection.
if (phases.includes("memory")) {
// Warm up first, so code compiled on first use is not counted as connection memory.
await closeAll(await connectMany(1000));
await collectGarbage();
const before = rssBytes();
clients = await connectMany(cfg.idleConnections);
await sleep(2000);
await collectGarbage();
const after = rssBytes();
result.idleConnections = clients.length;
result.memoryPerConnectionBytes = Math.round((after - before) / clients.length);
result.rssBeforeMiB = +(before / 1048576).toFixed(1);
result.rssWithIdleMiB = +(after / 1048576).toFixed(1);
await closeAll(clients);
}

// 2. Acked round trips per second, closed loop: each client keeps a window of acks outstanding and
// sends the next one as soon as an ack arrives (one pre-encoded message, so the generator stays cheap).
if (phases.includes("acks")) {
clients = await connectMany(cfg.ackClients, onAck);
for (let i = 0; i < 200; i++) await emitWithAck(clients[i % clients.length], payload); // warm-up
const echo = Buffer.from(`421["echo",${payload}]`);
let completed = 0;
let running = true;
for (const c of clients) {
  c.fast = (data) => {
    if (data[0] !== 0x34 || data[1] !== 0x33) return false; // "43": an ack
    completed++;
    if (running) c.ws.send(echo, { binary: false });
    return true;
  };
}
const started = process.hrtime.bigint();
for (const c of clients) for (let i = 0; i < cfg.ackWindow; i++) c.ws.send(echo, { binary: false });
await sleep(cfg.ackSeconds * 1000);
running = false;
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
result.ackedPerSecond = Math.round(completed / elapsed);
await sleep(500); // let the last window drain
for (const c of clients) c.fast = undefined;

// 3. Latency at a fixed offered load (open loop: sends on a clock, whatever the answers do).
const latencies = [];
const inFlight = [];
let turn = 0;
const perTick = cfg.offeredRate / 100;
let owed = 0;
const ticker = setInterval(() => {
  owed += perTick;
  for (; owed >= 1; owed--) inFlight.push(emitWithAck(clients[turn++ % clients.length], payload).then((ms) => latencies.push(ms)));
}, 10);
await sleep(cfg.latencySeconds * 1000);
clearInterval(ticker);
await Promise.all(inFlight);
latencies.sort((a, b) => a - b);
result.offeredRate = cfg.offeredRate;
result.latencySamples = latencies.length;
result.latencyP50Ms = +percentile(latencies, 0.5).toFixed(3);
result.latencyP99Ms = +percentile(latencies, 0.99).toFixed(3);
await closeAll(clients);
}

// 4. Broadcast deliveries per second to 1,000 clients.
if (phases.includes("broadcast")) {
let delivered = 0;
let allDelivered;
const expected = cfg.broadcastClients * cfg.broadcasts;
const done = new Promise((r) => (allDelivered = r));
clients = await connectMany(cfg.broadcastClients);
for (const c of clients) {
  c.fast = (data) => {
    if (data[0] !== 0x34 || data[1] !== 0x32) return false; // "42": a tick
    if (++delivered === expected) allDelivered();
    return true;
  };
}
const bStart = process.hrtime.bigint();
clients[0].ws.send(`42["bcast",${cfg.broadcasts},${payload}]`);
await Promise.race([done, sleep(120000)]);
const bElapsed = Number(process.hrtime.bigint() - bStart) / 1e9;
result.broadcastDeliveries = delivered;
result.broadcastDeliveriesPerSecond = Math.round(delivered / bElapsed);
await closeAll(clients);
}

console.log(JSON.stringify(result));
process.exit(0);
