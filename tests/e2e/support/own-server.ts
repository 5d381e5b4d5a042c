/**
 * A server of the built app on a database of its own (DATABASE_PATH), for one browser test
 * that writes. It listens on a free port and prints "listening <port>" once it answers; it
 * neither migrates, seeds nor builds: the database is a copy of the seeded template and the
 * build is the one the shared server made (or found fresh) when the run began.
 */
import { createServer } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

process.env.NODE_ENV ??= "production";

const server = createServer();
await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
const address = server.address();
const port = typeof address === "object" && address ? address.port : 0;
process.env.PUBLIC_URL = `http://localhost:${port}`;
const build = await import(pathToFileURL(resolve("build/index.js")).href);
const { createHttpApp } = await import("../../../app/cli/http.server");
server.on("request", createHttpApp(build, { publicUrl: process.env.PUBLIC_URL, trustProxy: false }));
// The browser keeps connections open, so closing would wait: each write has committed already.
const stop = () => process.exit(0);
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
console.log(`listening ${port}`);
