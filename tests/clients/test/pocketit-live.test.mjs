// Pocket IT live: the real server, socket.io-client as the device agent and as the dashboard.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { io } from "socket.io-client";
import { startPocketIt, api, recorder, adminPassword } from "../support/pocketit.mjs";
import { once } from "../support/host.mjs";

const forDevice = (id) => (d) => d && d.deviceId === id;

describe("Pocket IT /agent and /it", () => {
  let server, url;
  const sockets = [];
  const state = {};

  const connect = (ns, opts) => {
    const socket = io(`${url}${ns}`, { forceNew: true, reconnection: false, transports: ["websocket"], ...opts });
    sockets.push(socket);
    return socket;
  };
  const connected = async (socket) => { await once(socket, "connect", 10_000); return socket; };
  const refusal = async (socket) => { const [err] = await once(socket, "connect_error", 10_000); return err.message; };

  async function enroll(clientId, deviceId) {
    const token = (await api(url, "POST", "/api/enrollment/token", { client_id: clientId })).body.token;
    const res = await api(url, "POST", "/api/enrollment/enroll", { token, deviceId, hostname: `HOST-${deviceId.slice(-4)}`, osVersion: "Windows 11" });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.deviceSecret;
  }

  async function staff(role, clientId) {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    const password = "Staff-Password-123";
    const created = await api(url, "POST", "/api/admin/users", { username, password, display_name: username, role });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    await api(url, "POST", `/api/clients/${clientId}/users`, { user_id: created.body.id });
    const login = await api(url, "POST", "/api/admin/login", { username, password });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    return login.body.token;
  }

  function agent(deviceId, secret) {
    const socket = connect("/agent", { query: { deviceId, hostname: `HOST-${deviceId.slice(-4)}` }, auth: { deviceSecret: secret } });
    return { socket, events: recorder(socket) };
  }

  function dashboard(token, extra = {}) {
    const socket = connect("/it", { auth: token ? { token } : {}, ...extra });
    return { socket, events: recorder(socket) };
  }

  before(async () => {
    server = await startPocketIt();
    url = server.url;
    state.clientA = (await api(url, "POST", "/api/clients", { name: "Client A" })).body.id;
    state.clientB = (await api(url, "POST", "/api/clients", { name: "Client B" })).body.id;
    state.techA = await staff("technician", state.clientA);
    state.techB = await staff("technician", state.clientB);
    state.viewerA = await staff("viewer", state.clientA);
    state.deviceId = "device-abc123";
    state.secret = await enroll(state.clientA, state.deviceId);
    state.itA = dashboard(state.techA);
    state.itB = dashboard(state.techB);
    await Promise.all([connected(state.itA.socket), connected(state.itB.socket)]);
  });

  after(async () => {
    for (const s of sockets) s.close();
    await server.stop();
  });

  it("connects an enrolled agent with its secret; agent_info names it from the vectors", async () => {
    state.agent = agent(state.deviceId, state.secret);
    await connected(state.agent.socket);
    const info = await state.agent.events.wait("agent_info");
    assert.equal(info.agentName, "Casey");
    const online = await state.itA.events.wait("device_status_changed", forDevice(state.deviceId));
    assert.equal(online.status, "online");
  });

  it("lets a technician of the device's client watch it, without any secret", async () => {
    state.itA.socket.emit("watch_device", { deviceId: state.deviceId });
    const status = await state.itA.events.wait("device_status", (d) => d.device_id === state.deviceId);
    assert.equal(status.status, "online");
    assert.ok(!JSON.stringify(status).toLowerCase().includes("secret"));
    assert.ok(!JSON.stringify(status).includes(state.secret));
    const history = await state.itA.events.wait("device_chat_history", forDevice(state.deviceId));
    assert.deepEqual(history.messages, []);
  });

  it("answers \"my internet is slow\" with a network diagnosis from the builtin assistant", async () => {
    const config = await api(url, "GET", "/api/llm/config");
    assert.equal(config.body.provider, "builtin");
    state.agent.socket.emit("chat_message", { content: "my internet is slow" });
    const reply = await state.agent.events.wait("chat_response");
    assert.equal(reply.sender, "ai");
    assert.equal(reply.agentName, "Casey");
    assert.deepEqual(reply.action, { type: "diagnose", checkType: "network" });
    assert.ok(!reply.text.includes("[ACTION"));
    const request = await state.agent.events.wait("diagnostic_request");
    assert.equal(request.checkType, "network");
    const update = await state.itA.events.wait("device_chat_update", forDevice(state.deviceId));
    assert.equal(update.message.content, "my internet is slow");
    assert.equal(update.response.text, reply.text);
    const rows = (await api(url, "GET", `/api/chat/${state.deviceId}/history`)).body;
    assert.deepEqual(rows.map((r) => [r.sender, r.message_type]), [["user", "text"], ["ai", "diagnose"]]);
    assert.deepEqual(JSON.parse(rows[1].metadata), { type: "diagnose", checkType: "network" });
  });

  it("stores the diagnostic result, changes the health score and opens an AI ticket seen by the watcher", async () => {
    const before = (await api(url, "GET", `/api/devices/${state.deviceId}`)).body;
    assert.equal(before.health_score, null);
    state.agent.socket.emit("diagnostic_result", { checkType: "network", status: "ok", results: { internetReachable: true, pingMs: 18, dnsWorking: true } });
    const diag = await state.itA.events.wait("device_diagnostic_update", forDevice(state.deviceId));
    assert.equal(diag.healthScore, 100);
    const after = (await api(url, "GET", `/api/devices/${state.deviceId}`)).body;
    assert.equal(after.health_score, 100);

    const followUp = await state.agent.events.wait("chat_response", (d) => d.action && d.action.type === "ticket");
    assert.equal(typeof followUp.action.ticketId, "number");
    const created = await state.itA.events.wait("ticket_created", forDevice(state.deviceId));
    assert.equal(created.id, followUp.action.ticketId);
    assert.equal(created.hostname, "HOST-c123");
    const tickets = (await api(url, "GET", "/api/tickets", undefined, state.techA)).body;
    const ticket = tickets.find((t) => t.id === created.id);
    assert.ok(ticket, "the AI ticket is listed");
    assert.equal(ticket.ai_summary, followUp.text);
    assert.match(ticket.description, /my internet is slow/);
  });

  it("shows a technician of another client none of it", async () => {
    const leaked = state.itB.events.seen.filter((e) => JSON.stringify(e.data ?? "").includes(state.deviceId));
    assert.deepEqual(leaked, []);
    state.itB.socket.emit("watch_device", { deviceId: state.deviceId });
    const refused = await state.itB.events.wait("error_message");
    assert.match(refused.message, /not in your scope/);
    assert.equal(state.itB.events.seen.filter((e) => e.name === "device_status").length, 0);
    assert.deepEqual((await api(url, "GET", "/api/tickets", undefined, state.techB)).body, []);
    assert.equal((await api(url, "GET", `/api/chat/${state.deviceId}/history`, undefined, state.techB)).status, 403);
  });

  it("emits ticket_created for POST /api/tickets to the client's staff only", async () => {
    const res = await api(url, "POST", "/api/tickets", { device_id: state.deviceId, title: "Manual ticket" }, state.techA);
    assert.equal(res.status, 200);
    const created = await state.itA.events.wait("ticket_created", (d) => d.id === res.body.id);
    assert.equal(created.source, "api");
    assert.ok(!state.itB.events.seen.some((e) => e.name === "ticket_created"));
  });

  it("refuses wrong secrets, unknown devices, missing and bad tokens with CONNECT_ERROR only", async () => {
    assert.equal(await refusal(agent(state.deviceId, "wrong-secret").socket), "Authentication failed");
    assert.equal(await refusal(agent("no-such-device", state.secret).socket), "Authentication failed");
    assert.equal(await refusal(connect("/agent", { query: { deviceId: state.deviceId } })), "Authentication failed");
    assert.equal(await refusal(connect("/agent", {})), "Authentication failed");
    // A forwarding header means a proxy stands between: no localhost bypass, so a token is required.
    assert.equal(await refusal(dashboard(null, { extraHeaders: { "X-Forwarded-For": "203.0.113.9" } }).socket), "Authentication required");
    assert.equal(await refusal(dashboard("not-a-jwt").socket), "Invalid or expired token");
    // The real agent was not disturbed.
    assert.ok(state.agent.socket.connected);
  });

  it("survives malformed payloads and keeps answering", async () => {
    const { socket, events } = state.agent;
    for (const bad of [42, null, [1, 2], "text", { content: { nested: true } }, { content: "" }]) socket.emit("chat_message", bad);
    socket.emit("system_profile", "not an object");
    socket.emit("diagnostic_result", { checkType: 5 });
    socket.emit("diagnostic_result", { checkType: "../../etc", status: "ok" });
    socket.emit("remediation_result", {});
    socket.emit("screenshot_result", { requestId: "x", imageBase64: "!!!", mimeType: "image/gif" });
    socket.emit("system_tool_result", { requestId: "never-asked" });
    socket.emit("heartbeat");
    socket.emit("no_such_event", { x: 1 });
    const error = await events.wait("error_message");
    assert.equal(typeof error.message, "string");
    const before = events.seen.filter((e) => e.name === "chat_response").length;
    socket.emit("chat_message", { content: "my printer won't print" });
    const reply = await events.next("chat_response");
    assert.equal(reply.action.checkType, "services");
    assert.ok(events.seen.filter((e) => e.name === "chat_response").length > before);
  });

  it("rate-limits a flooding device at 30 messages a minute while others are still served", async () => {
    const floodId = "device-flood1";
    const floodSecret = await enroll(state.clientA, floodId);
    const flood = agent(floodId, floodSecret);
    await connected(flood.socket);
    await flood.events.wait("agent_info");
    for (let i = 0; i < 32; i++) flood.socket.emit("chat_message", { content: `hello ${i}` });
    const slowDown = await flood.events.wait("chat_response", (d) => d.sender === "system");
    assert.match(slowDown.text, /too quickly/);
    state.agent.socket.emit("chat_message", { content: "my disk is full" });
    const reply = await state.agent.events.next("chat_response");
    assert.equal(reply.action.checkType, "disk");
    const stored = (await api(url, "GET", `/api/chat/${floodId}/history?limit=500`)).body.filter((m) => m.sender === "user");
    assert.equal(stored.length, 30);
    // Reconnecting does not reset the count.
    flood.socket.close();
    const again = agent(floodId, floodSecret);
    await connected(again.socket);
    again.socket.emit("chat_message", { content: "one more" });
    assert.equal((await again.events.next("chat_response")).sender, "system");
    again.socket.close();
  });

  it("relays system tools from a technician to the device and the result back", async () => {
    state.itA.socket.emit("system_tool_request", { deviceId: state.deviceId, tool: "format_disk", params: {} });
    assert.match((await state.itA.events.next("error_message")).message, /unknown tool/);
    state.itA.socket.emit("system_tool_request", { deviceId: state.deviceId, requestId: "st-1", tool: "service_list", params: { filter: "running" } });
    const request = await state.agent.events.wait("system_tool_request", (d) => d.requestId === "st-1");
    assert.deepEqual(request.params, { filter: "running" });
    await state.itA.events.wait("system_tool_requested", (d) => d.requestId === "st-1");
    state.agent.socket.emit("system_tool_result", { requestId: "st-1", tool: "service_list", success: true, data: [{ name: "Spooler" }], error: null });
    const result = await state.itA.events.wait("system_tool_result", (d) => d.requestId === "st-1");
    assert.equal(result.deviceId, state.deviceId);
    assert.deepEqual(result.data, [{ name: "Spooler" }]);
  });

  it("carries a screenshot from the approving agent to the watchers, and bounds the payload size", async () => {
    state.itA.socket.emit("request_screenshot", { deviceId: state.deviceId });
    const request = await state.agent.events.wait("screenshot_request");
    assert.match(request.requestId, /^it-ss-/);
    const image = Buffer.alloc(1_500_000, 7).toString("base64"); // ~2 MB of base64, over the old 1 MB default
    state.agent.socket.emit("screenshot_result", { requestId: request.requestId, imageBase64: image, mimeType: "image/png" });
    const shot = await state.itA.events.wait("device_screenshot_update", (d) => d.requestId === request.requestId);
    assert.equal(shot.approved, true);
    assert.equal(shot.image.length, image.length);
    assert.ok(!state.itB.events.seen.some((e) => e.name === "device_screenshot_update"));

    // Far over the limit: that connection is dropped, the server and everyone else carry on.
    const hogId = "device-hog001";
    const hog = agent(hogId, await enroll(state.clientA, hogId));
    await connected(hog.socket);
    hog.socket.emit("screenshot_result", { requestId: "x", imageBase64: "A".repeat(12 * 1024 * 1024), mimeType: "image/png" });
    await once(hog.socket, "disconnect", 10_000);
    assert.equal((await api(url, "GET", "/health")).status, 200);
    assert.ok(state.agent.socket.connected);
  });

  it("lets viewers watch but not act", async () => {
    const viewer = dashboard(state.viewerA);
    await connected(viewer.socket);
    viewer.socket.emit("watch_device", { deviceId: state.deviceId });
    await viewer.events.wait("device_status", (d) => d.device_id === state.deviceId);
    viewer.socket.emit("chat_to_device", { deviceId: state.deviceId, content: "hi" });
    assert.match((await viewer.events.wait("error_message")).message, /Viewers/);
    viewer.socket.emit("request_diagnostic", { deviceId: state.deviceId, checkType: "cpu" });
    await viewer.events.next("error_message");
    assert.ok(!state.agent.events.seen.some((e) => e.name === "chat_response" && e.data.sender === "it_tech"));
  });

  it("lets a technician speak to the end user and pauses the assistant for that device", async () => {
    state.itA.socket.emit("chat_to_device", { deviceId: state.deviceId, content: "Hi, this is IT, I'm looking at it" });
    const spoken = await state.agent.events.wait("chat_response", (d) => d.sender === "it_tech");
    assert.equal(spoken.text, "Hi, this is IT, I'm looking at it");
    assert.equal(spoken.action, null);
    await state.agent.events.wait("ai_status", (d) => d.enabled === false && d.reason === "it_active");
    state.agent.socket.emit("chat_message", { content: "thanks!" });
    const paused = await state.agent.events.next("chat_response");
    assert.equal(paused.sender, "system");
    assert.equal(paused.ai_disabled, true);
    const update = await state.itA.events.wait("device_chat_update", (d) => d.deviceId === state.deviceId && d.message && d.message.content === "thanks!");
    assert.equal(update.response, undefined);
  });

  it("requests a diagnostic for IT and marks the device offline on disconnect, for its client's staff only", async () => {
    state.itA.socket.emit("request_diagnostic", { deviceId: state.deviceId, checkType: "cpu" });
    const request = await state.agent.events.wait("diagnostic_request", (d) => d.itInitiated === true);
    assert.equal(request.checkType, "cpu");
    await state.itA.events.wait("diagnostic_requested", forDevice(state.deviceId));

    state.agent.socket.close();
    const offline = await state.itA.events.wait("device_status_changed", (d) => d.deviceId === state.deviceId && d.status === "offline");
    assert.equal(offline.status, "offline");
    assert.equal((await api(url, "GET", `/api/devices/${state.deviceId}`)).body.status, "offline");
    assert.ok(!state.itB.events.seen.some((e) => e.name === "device_status_changed"));
  });
});
