import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import {
  PLAN_STORE_PORT_MESSAGE,
  connectDesktopPlanStore,
  createPortPlanPersistence,
  fromDomMessagePort,
  type DomPortLike,
  type PortLike,
  type PortMessageEvent,
  type PortReceiver,
} from '../../shared/contracts/ipcPlanStore';
import type { PlanPersistence } from '../../shared/contracts/persistence';
import { openPlanStore, type PlanStore } from '../store/planStore';
import { servePlanStore } from './planStorePort';

const PLAN = '3f1c2a9e-0b7d-4e38-9a51-6f0d2c4b8e11';

/** Node's MessagePort as PortLike (Electron's MessagePortMain and the DOM's adapt the same way). */
function portLike(port: MessagePort): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', listener),
  };
}

let dir: string;
let store: PlanStore;
let channel: MessageChannel;
let persistence: PlanPersistence;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-port-'));
  store = await openPlanStore(dir);
  channel = new MessageChannel();
  servePlanStore(portLike(channel.port1), store);
  persistence = createPortPlanPersistence(portLike(channel.port2));
});

afterEach(async () => {
  channel.port1.close();
  channel.port2.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function edit(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('actions').set(key, true);
  return Y.encodeStateAsUpdate(doc);
}

describe('the store over a MessagePort', () => {
  it('appends, loads, describes, lists and removes through the port', async () => {
    await persistence.append(PLAN, edit('a'));
    await persistence.append(PLAN, edit('b'));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await persistence.load(PLAN)) ?? new Uint8Array());
    expect(doc.getMap('actions').toJSON()).toEqual({ a: true, b: true });

    await persistence.describe({
      planId: PLAN,
      title: 'Decent work',
      serverUrl: 'wss://accord.example/sync',
      lastSyncedAt: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect((await persistence.list()).map((plan) => plan.title)).toEqual(['Decent work']);
    await persistence.remove(PLAN);
    expect(await persistence.list()).toEqual([]);
  });

  it('reports the store refusing bytes that are not an update, and keeps what was stored', async () => {
    await persistence.append(PLAN, edit('a'));
    await expect(persistence.append(PLAN, Uint8Array.of(0xff, 0xff, 0xff))).rejects.toThrow(
      /not a Yjs update/,
    );
    expect(await store.load(PLAN)).not.toBeNull();
  });

  it.each([
    ['an unknown method', { id: 1, method: 'drop', planId: PLAN }],
    ['a path as plan id', { id: 2, method: 'load', planId: '../..' }],
    ['a string as update', { id: 3, method: 'append', planId: PLAN, update: 'AAEC' }],
    ['an empty update', { id: 4, method: 'append', planId: PLAN, update: new Uint8Array(0) }],
    ['an extra field', { id: 5, method: 'list', path: '/' }],
    [
      'a summary with a javascript: server',
      {
        id: 6,
        method: 'describe',
        summary: {
          planId: PLAN,
          title: '',
          serverUrl: 'javascript:1',
          lastSyncedAt: null,
          updatedAt: '2026-01-01T00:00:00Z',
        },
      },
    ],
  ])('answers %s with an error and changes nothing', async (_name, request) => {
    const answers: unknown[] = [];
    channel.port2.removeAllListeners('message');
    channel.port2.on('message', (message) => answers.push(message));
    channel.port2.postMessage(request);
    await new Promise<void>((resolve) => channel.port2.once('message', () => resolve()));
    expect(answers).toEqual([{ id: request.id, ok: false, error: 'invalid request' }]);
    expect(await store.list()).toEqual([]);
  });
});

/** Node's MessagePort seen as the DOM's (its typings differ; its behaviour is the same). */
function domPort(port: MessagePort): DomPortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    addEventListener: (_type, listener) => port.on('message', (data) => listener({ data })),
    start: () => port.start(),
  };
}

describe('connecting the renderer to the store', () => {
  it('resolves with a working store once the preload hands over the port, ignoring other messages', async () => {
    const listeners: ((event: PortMessageEvent) => void)[] = [];
    const page: PortReceiver = {
      addEventListener: (_type, listener) => listeners.push(listener),
      removeEventListener: (_type, listener) => listeners.splice(listeners.indexOf(listener), 1),
    };
    const pipe = new MessageChannel();
    const connecting = connectDesktopPlanStore(async () => {
      // What main and the preload do: serve the store on one end, post the other to the page.
      servePlanStore(fromDomMessagePort(domPort(pipe.port1)), store);
      const decoy = new MessageChannel();
      for (const listener of [...listeners]) {
        listener({
          data: PLAN_STORE_PORT_MESSAGE,
          source: 'another window',
          ports: [domPort(decoy.port2)],
        });
        listener({ data: 'something else', source: page, ports: [domPort(decoy.port2)] });
        listener({ data: PLAN_STORE_PORT_MESSAGE, source: page, ports: [domPort(pipe.port2)] });
      }
      decoy.port1.close();
    }, page);
    const remote = await connecting;
    await remote.append(PLAN, edit('over the port'));
    expect(await store.load(PLAN)).not.toBeNull();
    expect(listeners).toEqual([]);
    pipe.port1.close();
  });

  it('rejects when main refuses to connect', async () => {
    const page: PortReceiver = {
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    await expect(
      connectDesktopPlanStore(() => Promise.reject(new Error('refused')), page),
    ).rejects.toThrow('refused');
  });
});
