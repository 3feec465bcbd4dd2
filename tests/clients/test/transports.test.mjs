// socket.io-client 4.8 against our server in each transport mode: the conformance behaviour
// (auth echo, message-back, acks, binary) over polling only, WebSocket only and polling→WebSocket upgrade.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { io } from "socket.io-client";
import { startHost, once } from "../support/host.mjs";

const modes = {
  "polling only": { transports: ["polling"] },
  "websocket only": { transports: ["websocket"] },
  upgrade: { transports: ["polling", "websocket"] },
};

describe("socket.io-client transports", () => {
  let host;
  before(async () => { host = await startHost(); });
  after(async () => { await host.stop(); });

  for (const [mode, opts] of Object.entries(modes)) {
    describe(mode, () => {
      it("connects and receives its auth payload back", async () => {
        const socket = io(host.url, { ...opts, forceNew: true, auth: { token: "abc" } });
        try {
          const [auth] = await once(socket, "auth");
          assert.deepEqual(auth, { token: "abc" });
          assert.ok(socket.id);
        } finally { socket.close(); }
      });

      it("gets message-back with the same arguments, binary included", async () => {
        const socket = io(host.url, { ...opts, forceNew: true });
        try {
          await once(socket, "connect");
          socket.emit("message", 1, "two", { three: [true] }, Buffer.from([1, 2, 3]));
          const args = await once(socket, "message-back");
          assert.equal(args[0], 1);
          assert.equal(args[1], "two");
          assert.deepEqual(args[2], { three: [true] });
          assert.deepEqual([...new Uint8Array(args[3])], [1, 2, 3]);
        } finally { socket.close(); }
      });

      it("has message-with-ack acknowledged with its arguments", async () => {
        const socket = io(host.url, { ...opts, forceNew: true });
        try {
          await once(socket, "connect");
          const reply = await socket.timeout(5000).emitWithAck("message-with-ack", "hello", Buffer.from([9, 8]));
          // emitWithAck resolves with the first argument only; ask with a callback for all of them.
          assert.equal(reply, "hello");
          const all = await new Promise((resolve) => socket.emit("message-with-ack", "a", Buffer.from([7]), (...args) => resolve(args)));
          assert.equal(all[0], "a");
          assert.deepEqual([...new Uint8Array(all[1])], [7]);
        } finally { socket.close(); }
      });

      it("stays connected across several heartbeats", async () => {
        const socket = io(host.url, { ...opts, forceNew: true });
        try {
          await once(socket, "connect");
          await new Promise((r) => setTimeout(r, 1200)); // pingInterval is 300 ms
          assert.equal(socket.connected, true);
          const reply = await socket.timeout(2000).emitWithAck("message-with-ack", "still here");
          assert.equal(reply, "still here");
        } finally { socket.close(); }
      });
    });
  }

  it("upgrades from polling to websocket", async () => {
    const socket = io(host.url, { transports: ["polling", "websocket"], forceNew: true });
    try {
      // The engine opens synchronously; the upgrade may finish before the namespace's CONNECT arrives,
      // so the first transport is read here and the upgrade listener is in place from the start.
      const first = socket.io.engine.transport.name;
      const upgraded = once(socket.io.engine, "upgrade");
      await once(socket, "connect");
      assert.equal(first, "polling");
      await upgraded;
      assert.equal(socket.io.engine.transport.name, "websocket");
      const reply = await socket.timeout(2000).emitWithAck("message-with-ack", "after upgrade");
      assert.equal(reply, "after upgrade");
    } finally { socket.close(); }
  });
});
