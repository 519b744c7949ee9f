// Test harness for the real Neo4j used by the integration tests: starts the embedded Neo4j 5.26 launcher
// (test/neo4j/neo4j.sh) on a free loopback port, waits for its "ready" line, and can stop and restart it on the same
// port and data dir (to test recovery). Node built-ins only. Children are killed if the Node process exits, and
// the launcher also stops by itself when its stdin (held open here) closes, e.g. if Node is killed with SIGKILL.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface Neo4jInstance {
  uri: string;
  port: number;
  dataDir: string;
  importDir: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export interface StartNeo4jOptions {
  /** Bolt port on 127.0.0.1; default: a free one. */
  port?: number;
  /** Neo4j home (databases, logs, import/); default: a temp dir removed when the Node process exits. */
  dataDir?: string;
  /** Page cache size, e.g. "256m"; default: the launcher's (1g). */
  pagecache?: string;
  /** How long to wait for the ready line after the launcher is built; default 180 s. */
  timeoutMs?: number;
}

const HERE = fileURLToPath(new URL(".", import.meta.url));
const REPO_ROOT = resolve(HERE, "../..");
const NEO4J_SH = join(HERE, "neo4j.sh");
const BUILD_SH = join(HERE, "build.sh");
const DEFAULT_TIMEOUT_MS = 180_000;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const STOP_GRACE_MS = 20_000;
const STDERR_KEEP = 200;
const STDERR_REPORT = 40;
const READY_RE = /^ready (bolt:\/\/\S+) import=(.+)$/;

/** Builds the launcher (Maven) if target/ is missing or older than its sources. Synchronous; throws on failure. */
export function ensureLauncherBuilt(): void {
  const result = spawnSync("bash", [BUILD_SH, "--if-needed"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    timeout: BUILD_TIMEOUT_MS,
  });
  if (result.error) throw new Error(`building the Neo4j launcher failed: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`building the Neo4j launcher failed (bash ${BUILD_SH} exited ${result.status ?? result.signal})`);
  }
}

/** Same as ensureLauncherBuilt without blocking the event loop; keeps the build's output for the error message. */
function buildLauncher(): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("bash", [BUILD_SH, "--if-needed"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const output = new LineBuffer(STDERR_KEEP);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => output.push(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => output.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`building the Neo4j launcher failed: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else {
        reject(
          new Error(
            `building the Neo4j launcher failed (bash ${BUILD_SH} exited ${code ?? signal}):\n${output.tail(STDERR_REPORT)}`,
          ),
        );
      }
    });
  });
}

/** A free TCP port on 127.0.0.1 (bound to port 0, read back, closed). */
function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port > 0 ? resolvePromise(port) : reject(new Error("could not pick a free port"))));
    });
  });
}

/** Keeps the last lines of a stream. */
class LineBuffer {
  private lines: string[] = [];
  private partial = "";

  constructor(private readonly keep: number) {}

  push(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    this.lines.push(...parts);
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep);
  }

  tail(count: number): string {
    const all = this.partial ? [...this.lines, this.partial] : this.lines;
    return all.slice(-count).join("\n");
  }
}

// Every running launcher and every temp dir this module made, for the exit/signal safety net.
const running = new Set<Neo4jProcess>();
const tempDirs = new Set<string>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on("exit", cleanUpSync);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = (): void => {
      cleanUpSync();
      // Let the signal do what it would have done without us, unless someone else handles it.
      process.removeListener(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function cleanUpSync(): void {
  for (const neo4j of running) neo4j.killNow();
  running.clear();
  for (const dir of tempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Best effort: a temp dir left behind is harmless.
    }
  }
  tempDirs.clear();
}

/** One run of the launcher process. */
class Neo4jProcess {
  private readonly stderr = new LineBuffer(STDERR_KEEP);
  private readonly exited: Promise<void>;
  private exitedFlag = false;
  private exitDescription = "";

  constructor(
    private readonly child: ChildProcess,
    private readonly ownsData: boolean,
  ) {
    this.exited = new Promise((resolvePromise) => {
      child.on("close", (code, signal) => {
        this.exitedFlag = true;
        this.exitDescription = signal ? `killed by ${signal}` : `exited with code ${code}`;
        running.delete(this);
        resolvePromise();
      });
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => this.stderr.push(chunk));
    running.add(this);
  }

  /** Resolves with the import dir from the ready line; rejects on early exit, spawn error or timeout. */
  waitReady(timeoutMs: number): Promise<string> {
    return new Promise((resolvePromise, reject) => {
      let settled = false;
      const finish = (error: Error | undefined, importDir?: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolvePromise(importDir ?? "");
      };
      const timer = setTimeout(() => {
        finish(this.failure(`Neo4j was not ready within ${timeoutMs} ms`));
        void this.stop();
      }, timeoutMs);
      this.child.on("error", (err) => finish(this.failure(`could not start Neo4j: ${err.message}`)));
      void this.exited.then(() => finish(this.failure(`Neo4j ${this.exitDescription} before it was ready`)));
      if (!this.child.stdout) {
        finish(new Error("Neo4j launcher has no stdout"));
        return;
      }
      // Keep reading stdout after the ready line so the pipe never fills up.
      createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on("line", (line) => {
        const match = READY_RE.exec(line.trim());
        if (match) finish(undefined, match[2]);
      });
    });
  }

  /** SIGTERM, wait for exit; SIGKILL after the grace period. */
  async stop(): Promise<void> {
    if (this.exitedFlag) return;
    this.child.kill("SIGTERM");
    const killTimer = setTimeout(() => {
      if (!this.exitedFlag) this.child.kill("SIGKILL");
    }, STOP_GRACE_MS);
    try {
      await this.exited;
    } finally {
      clearTimeout(killTimer);
    }
  }

  /** At Node exit: a throwaway store is just killed (its dir is removed next); a caller's store gets SIGTERM. */
  killNow(): void {
    if (this.exitedFlag) return;
    try {
      this.child.kill(this.ownsData ? "SIGKILL" : "SIGTERM");
    } catch {
      // Already gone.
    }
  }

  private failure(message: string): Error {
    const tail = this.stderr.tail(STDERR_REPORT);
    return new Error(tail ? `${message}; last lines of its stderr:\n${tail}` : message);
  }
}

class Instance implements Neo4jInstance {
  readonly uri: string;
  importDir = "";
  private current: Neo4jProcess | undefined;

  constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly ownsData: boolean,
    private readonly pagecache: string | undefined,
    private readonly timeoutMs: number,
  ) {
    this.uri = `bolt://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    await buildLauncher();
    const args = [NEO4J_SH, "--port", String(this.port), "--data", this.dataDir, "--stop-on-stdin-eof"];
    if (this.pagecache) args.push("--pagecache", this.pagecache);
    installExitHooks();
    const child = spawn("bash", args, { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"], env: process.env });
    // stdin stays open and unused: the launcher stops when it closes (--stop-on-stdin-eof).
    child.stdin?.on("error", () => {});
    const neo4j = new Neo4jProcess(child, this.ownsData);
    this.current = neo4j;
    try {
      this.importDir = await neo4j.waitReady(this.timeoutMs);
    } catch (error) {
      await neo4j.stop();
      this.current = undefined;
      throw error;
    }
  }

  async stop(): Promise<void> {
    const neo4j = this.current;
    this.current = undefined;
    await neo4j?.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

/** Starts a real Neo4j 5.26 (embedded launcher, auth off, Bolt on 127.0.0.1) and resolves when it accepts Bolt. */
export async function startNeo4j(options: StartNeo4jOptions = {}): Promise<Neo4jInstance> {
  const port = options.port ?? (await freePort());
  let dataDir: string;
  let ownsData = false;
  if (options.dataDir) {
    dataDir = resolve(options.dataDir);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "statecraft-neo4j-test-"));
    ownsData = true;
    tempDirs.add(dataDir);
    installExitHooks();
  }
  const instance = new Instance(port, dataDir, ownsData, options.pagecache, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  await instance.start();
  return instance;
}
