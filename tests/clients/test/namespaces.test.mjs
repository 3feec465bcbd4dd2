// Namespaces multiplexed on one connection, middleware refusals, acks both ways,
// rooms and broadcasts, server-side disconnects.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { io, Manager } from "socket.io-client";
import { startHost, once } from "../support/host.mjs";

describe("socket.io-client namespaces, rooms and acks", () => {
  let host;
  before(async () => { host = await startHost(); });
  after(async () => { await host.stop(); });

  for (const transports of [["websocket"], ["polling"]]) {
    it(`multiplexes two namespaces on one connection (${transports[0]})`, async () => {
      const manager = new Manager(host.url, { transports });
      const main = manager.socket("/", { auth: { who: "main" } });
      const custom = manager.socket("/custom", { auth: { who: "custom" } });
      try {
        const [[mainAuth], [customAuth]] = await Promise.all([once(main, "auth"), once(custom, "auth")]);
        assert.deepEqual(mainAuth, { who: "main" });
        assert.deepEqual(customAuth, { who: "custom" });
        assert.equal(main.io, custom.io);
        assert.equal(main.io.engine.id, custom.io.engine.id);
        main.emit("message", "on main");
        const [echo] = await once(main, "message-back");
        assert.equal(echo, "on main");
      } finally { main.close(); custom.close(); }
    });
  }

  it("refuses an unknown namespace with Invalid namespace", async () => {
    const socket = io(`${host.url}/nope`, { forceNew: true, transports: ["websocket"] });
    try {
      const [err] = await once(socket, "connect_error");
      assert.equal(err.message, "Invalid namespace");
    } finally { socket.close(); }
  });

  it("delivers a middleware refusal with its message and data", async () => {
    const socket = io(`${host.url}/interop`, { forceNew: true, auth: { token: "bad" } });
    try {
      const [err] = await once(socket, "connect_error");
      assert.equal(err.message, "unauthorized");
      assert.deepEqual(err.data, { reason: "bad token" });
    } finally { socket.close(); }
  });

  it("exposes the handshake query and auth to the server", async () => {
    const socket = io(`${host.url}/interop`, { forceNew: true, query: { who: "q1" }, auth: { name: "ann" } });
    try {
      await once(socket, "connect");
      const me = await socket.timeout(3000).emitWithAck("whoami");
      assert.equal(me.id, socket.id);
      assert.equal(me.name, "ann");
      assert.equal(me.query, "q1");
      assert.deepEqual(me.rooms, [socket.id]);
    } finally { socket.close(); }
  });

  it("answers a server ack request, binary both ways", async () => {
    const socket = io(`${host.url}/interop`, { forceNew: true });
    try {
      await once(socket, "connect");
      socket.on("question", (text, bytes, ack) => ack(`${text}!`, Buffer.from([...new Uint8Array(bytes)].reverse())));
      const answer = await new Promise((resolve) => socket.emit("ask-me", "ping", Buffer.from([1, 2, 3]), (...args) => resolve(args)));
      assert.equal(answer[0], "ping!");
      assert.deepEqual([...new Uint8Array(answer[1])], [3, 2, 1]);
    } finally { socket.close(); }
  });

  it("sends room messages to members only, not to the sender", async () => {
    const make = (name, transports) => io(`${host.url}/interop`, { forceNew: true, auth: { name }, transports });
    const a = make("a", ["websocket"]), b = make("b", ["polling"]), c = make("c", ["websocket"]);
    try {
      await Promise.all([once(a, "connect"), once(b, "connect"), once(c, "connect")]);
      await Promise.all([a.emitWithAck("join", "r1"), b.emitWithAck("join", "r1")]);
      assert.equal(await a.emitWithAck("count-in-room", "r1"), 2);
      let cGot = false, aGot = false;
      c.on("room-message", () => { cGot = true; });
      a.on("room-message", () => { aGot = true; });
      const received = once(b, "room-message");
      await a.emitWithAck("to-room", "r1", { hi: 1 });
      const [from, payload] = await received;
      assert.equal(from, "a");
      assert.deepEqual(payload, { hi: 1 });
      await b.emitWithAck("leave", "r1");
      assert.equal(await a.emitWithAck("count-in-room", "r1"), 1);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(cGot, false);
      assert.equal(aGot, false);
    } finally { a.close(); b.close(); c.close(); }
  });

  it("broadcasts to every socket of the namespace", async () => {
    const sockets = [0, 1, 2, 3].map((i) => io(`${host.url}/interop`, { forceNew: true, transports: i % 2 ? ["polling"] : ["websocket"] }));
    try {
      await Promise.all(sockets.map((s) => once(s, "connect")));
      const all = Promise.all(sockets.map((s) => once(s, "broadcast-message")));
      await sockets[0].emitWithAck("broadcast", "news", Buffer.from([5]));
      for (const [text, bytes] of await all) {
        assert.equal(text, "news");
        assert.deepEqual([...new Uint8Array(bytes)], [5]);
      }
    } finally { sockets.forEach((s) => s.close()); }
  });

  it("reports a server-side disconnect", async () => {
    const socket = io(`${host.url}/interop`, { forceNew: true });
    try {
      await once(socket, "connect");
      const disconnected = once(socket, "disconnect");
      socket.emit("disconnect-me");
      const [reason] = await disconnected;
      assert.equal(reason, "io server disconnect");
    } finally { socket.close(); }
  });
});
