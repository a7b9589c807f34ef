// The hostile side of the flood benchmark, in a process of its own so its sockets do not share an
// event loop with the honest client being measured:
// `node --import tsx tests/bench/floodClients.ts <wsUrl> <planId> <sockets> <token>...`.
// Opens the sockets at once (round robin over the tokens), each sending one edit with a fresh client
// id as soon as it opens, and keeps them open; a socket turned away tries again at once, with no
// backoff (a hostile client ignores Retry-After). Prints one JSON line once every socket has had a
// first outcome (the server acknowledged its edit, closed it with a code, or refused the upgrade),
// and the totals of every attempt when killed (SIGTERM).
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeUpdate, MESSAGE } from '../../server/sync/protocol';

const [wsUrl, planId, count, ...tokens] = process.argv.slice(2);
const sockets = Number(count);
const first = new Map<string, number>();
const all = new Map<string, number>();
let answered = 0;
let stopping = false;
const open = new Set<WebSocket>();

const add = (counts: Map<string, number>, label: string) =>
  counts.set(label, (counts.get(label) ?? 0) + 1);

function attempt(i: number, firstTry: boolean): void {
  if (stopping) return;
  const token = tokens[i % tokens.length] ?? '';
  const ws = new WebSocket(`${wsUrl}/${planId}?token=${token}&ack=1`, { perMessageDeflate: false });
  open.add(ws);
  let done = false;
  const settle = (label: string, retry: boolean) => {
    if (done) return;
    done = true;
    add(all, label);
    if (firstTry) {
      add(first, label);
      answered += 1;
      if (answered === sockets) console.log(JSON.stringify({ first: Object.fromEntries(first) }));
    }
    if (retry) {
      open.delete(ws);
      setImmediate(() => attempt(i, false));
    }
  };
  ws.on('open', () => {
    const doc = new Y.Doc();
    doc.getMap('flood').set(String(i), i);
    ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)));
  });
  ws.on('message', (data: Buffer) => {
    if (data[0] === MESSAGE.stored) settle('stored', false);
  });
  ws.on('unexpected-response', (_request, response) => settle(`http ${response.statusCode}`, true));
  ws.on('error', () => settle('error', true));
  ws.on('close', (code) => settle(`close ${code}`, true));
}

// the benchmark may stop reading before it kills us
process.stdout.on('error', () => undefined);
for (let i = 0; i < sockets; i++) attempt(i, true);
process.on('SIGTERM', () => {
  stopping = true;
  for (const ws of open) ws.terminate();
  console.log(JSON.stringify({ all: Object.fromEntries(all) }));
  process.exit(0);
});
