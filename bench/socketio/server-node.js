// The reference: Node.js socket.io 4.8 with its defaults, the same behaviour as server-dotnet.
const http = require("node:http");
const { Server } = require("socket.io");

const port = Number(process.argv[2] || 4200);
const httpServer = http.createServer((req, res) => {
  if (req.url === "/bench/gc") {
    global.gc(); // run with --expose-gc so both servers are measured after a full collection
    res.end(String(process.memoryUsage().rss));
    return;
  }
  res.statusCode = 404;
  res.end();
});
const io = new Server(httpServer);

io.on("connection", (socket) => {
  socket.on("echo", (...args) => {
    const ack = args.pop();
    ack(...args);
  });
  socket.on("bcast", (count, payload, ack) => {
    for (let i = 0; i < count; i++) io.emit("tick", payload);
    if (typeof ack === "function") ack(count);
  });
});

httpServer.listen(port, "127.0.0.1", () => console.log(`Now listening on: http://127.0.0.1:${port}`));
