// Starts the real Statecraft server (embedded store from data/, no Neo4j) on a free port for the e2e tests, and
// stops it. Its output is kept so a failure to start says why.

import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export interface RunningServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** The embedded store by default (from data/, or from `data`, STATECRAFT_DATA's list); Neo4j at `neo4jUri`. */
export async function startServer(
  options: { neo4jUri?: string; timeoutMs?: number; data?: string } = {},
): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const port = await freePort();
  // The overload guard (503 while the event loop lags past a second) is tested on its own; here, with Chromium
  // rasterising on the CPU beside the server on two cores, it would refuse the page's own first reads.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    MAX_EVENT_LOOP_DELAY_MS: "0",
  };
  for (const key of Object.keys(env)) if (key.startsWith("NEO4J_")) delete env[key];
  if (options.neo4jUri) env.NEO4J_URI = options.neo4jUri;
  if (options.data) env.STATECRAFT_DATA = options.data;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`e2e: the server exited (${child.exitCode}):\n${log}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`e2e: the server did not answer /api/health within ${timeoutMs} ms:\n${log}`);
}
