// Accord cluster nodes as child processes and a small TCP load balancer, for the cluster tests
// and the cluster benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './engines';

const ROOT = join(import.meta.dirname, '../..');

export interface ClusterNode {
  readonly port: number;
  child: ChildProcess;
}

export interface NodeOptions {
  readonly port: number;
  /** postgres://… ; absent: a single node on SQLite in a new data folder */
  readonly database?: string;
  readonly redis?: string;
  /** run the production bundle (dist/server/main.mjs, `npm run build:server`) under plain node */
  readonly built?: boolean;
  /** a bundle's entry point elsewhere (a test's own build) */
  readonly entry?: string;
  readonly extraArgs?: readonly string[];
}

/** Where a node's stdout and stderr go: `ACCORD_NODE_LOGS` (a folder) or the node's data folder. */
function nodeLog(port: number, dataDir: string): string {
  const folder = process.env.ACCORD_NODE_LOGS ?? dataDir;
  mkdirSync(folder, { recursive: true });
  return join(folder, `node-${port}.log`);
}

/**
 * Starts a node (server/main.ts) and resolves once it listens. Its output is appended to a log
 * file (`nodeLog`), one per port, so a restarted node's log follows the killed one's.
 */
export function startNode(options: NodeOptions): Promise<ChildProcess> {
  const entry = options.entry
    ? [options.entry]
    : options.built
      ? ['dist/server/main.mjs']
      : ['--import', 'tsx', 'server/main.ts'];
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-node-'));
  const log = createWriteStream(nodeLog(options.port, dataDir), { flags: 'a' });
  const child = spawn(
    process.execPath,
    [
      ...entry,
      ...['--port', String(options.port), '--data', dataDir],
      ...(options.database ? ['--database', options.database] : []),
      ...(options.redis ? ['--redis', options.redis] : []),
      ...['--log-level', 'info'],
      ...(options.extraArgs ?? []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('exit', (code, signal) => log.end(`-- exited: ${code ?? signal}\n`));
  return new Promise<ChildProcess>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('node did not listen within 60 s')), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      if (buffered.includes('"msg":"listening"')) {
        clearTimeout(timer);
        buffered = '';
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}`));
    });
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once('exit', () => resolve()),
  );

export const alive = (node: ClusterNode) =>
  node.child.exitCode === null && node.child.signalCode === null;

/** Round-robin over live nodes, per new connection; routing a plan to one node is not needed. */
export async function startBalancer(
  nodes: readonly ClusterNode[],
): Promise<{ port: number; close(): void }> {
  let next = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming) => {
    const live = nodes.filter(alive);
    const node = live[next++ % Math.max(1, live.length)];
    if (!node) return incoming.destroy();
    const outgoing = tcpConnect(node.port, '127.0.0.1');
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing).pipe(incoming);
    outgoing.on('close', () => incoming.destroy());
    incoming.on('close', () => outgoing.destroy());
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    close: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
