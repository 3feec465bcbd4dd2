// Prints the two result files side by side with the ratios the goal is stated in.
import { readFileSync } from "node:fs";

const [ours, node] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, "utf8")));
const rows = [
  ["memory per idle connection (bytes, 10k conns)", "memoryPerConnectionBytes", "node / ours (goal >= 2)", (o, n) => n / o],
  ["acked round trips per second (closed loop)", "ackedPerSecond", "ours / node (goal >= 2)", (o, n) => o / n],
  [`p50 latency at ${ours.offeredRate}/s offered (ms)`, "latencyP50Ms", "node / ours", (o, n) => n / o],
  [`p99 latency at ${ours.offeredRate}/s offered (ms)`, "latencyP99Ms", "node / ours", (o, n) => n / o],
  ["broadcast deliveries per second (1,000 clients)", "broadcastDeliveriesPerSecond", "ours / node", (o, n) => o / n],
];
const pad = (s, n) => String(s).padEnd(n);
console.log(pad("metric", 50) + pad("PocketIT.SocketIO", 20) + pad("node socket.io", 18) + "ratio");
for (const [label, key, ratioLabel, ratio] of rows) {
  console.log(pad(label, 50) + pad(ours[key], 20) + pad(node[key], 18) + `${ratio(ours[key], node[key]).toFixed(2)}  (${ratioLabel})`);
}
