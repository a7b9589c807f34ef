// Playwright fixtures: each test gets its own sync server (in-process, 127.0.0.1, a free port,
// its own data folder) serving the renderer's web build, and helpers to create plans, invites and
// seeded content on it. The server is stopped and its data removed when the test ends.
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { loadConfig } from '../../server/ops/config';
import { silentLogger } from '../../server/ops/log';
import { createInvite, createPlan, join as joinPlan } from '../../server/identity/members';
import { MESSAGE } from '../../server/sync/protocol';
import { createAccordServer, type AccordServer } from '../../server/server';
import type { Role } from '../../server/storage/store';
import { seedPlan, type SeedOptions } from './seed';

export const WEB_ROOT = join(import.meta.dirname, '../../dist/renderer');

export interface TestServer {
  readonly url: string;
  readonly server: AccordServer;
  /** a plan on the server and one invite link per role asked for */
  newPlan(title: string, roles: readonly Role[]): Promise<{ planId: string; invites: string[] }>;
  /** writes seeded content into a plan through a real provider; resolves once stored */
  seed(planId: string, options: Omit<SeedOptions, 'planId'>): Promise<void>;
}

export const test = base.extend<{ accord: TestServer }>({
  // eslint-disable-next-line no-empty-pattern
  accord: async ({}, use) => {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) {
      throw new Error('the web build is missing: run `npm run build` before the e2e tests');
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
    const server = createAccordServer(
      {
        // The server's own defaults (whatever settings it gains), on a free port of 127.0.0.1.
        ...loadConfig([], {}),
        host: '127.0.0.1',
        port: 0,
        dataDir,
        webRoot: WEB_ROOT,
        logLevel: 'error',
      },
      silentLogger,
    );
    const port = await server.listen();
    const url = `http://127.0.0.1:${port}`;
    const store = server.store;
    await use({
      url,
      server,
      newPlan: async (title, roles) => {
        const { plan } = await createPlan(store, title);
        const invites: string[] = [];
        for (const role of roles) {
          const { code } = await createInvite(store, plan.id, {
            role,
            maxUses: null,
            expiresAt: null,
            label: '',
            createdBy: null,
          });
          invites.push(
            `${url}/#/join?plan=${encodeURIComponent(plan.id)}&code=${encodeURIComponent(code)}`,
          );
        }
        return { planId: plan.id, invites };
      },
      seed: async (planId, options) => {
        // as an owner: seeded plans hold agreed actions, which only owners may adopt ([S25])
        const { code } = await createInvite(store, planId, {
          role: 'owner',
          maxUses: 1,
          expiresAt: null,
          label: 'seed',
          createdBy: null,
        });
        const joined = await joinPlan(store, code, { name: 'Seed', organisation: 'Tests' });
        if (!joined.ok) throw new Error(joined.refusal);
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, planId, doc, {
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          params: { token: joined.token, ack: '1' },
        });
        // Registered before the first message arrives (the server acknowledges the initial sync
        // too); the seed is stored once an acknowledgement covers this client's last edit.
        let onStored: (vector: Map<number, number>) => void = () => {};
        provider.messageHandlers[MESSAGE.stored] = (_encoder, decoder) =>
          onStored(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
        await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
        const stored = new Promise<void>((resolve) => {
          onStored = (vector) => {
            if ((vector.get(doc.clientID) ?? 0) >= Y.getState(doc.store, doc.clientID)) resolve();
          };
        });
        seedPlan(doc, { planId, ...options });
        await stored;
        provider.destroy();
        doc.destroy();
      },
    });
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Creates a plan on this computer from the start screen and waits until it is stored there. */
export async function createLocalPlan(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Plan title').fill(title);
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.locator('[data-sync]')).toHaveText('Saved on this computer');
}

/** Joins a plan in the browser through the start screen's invite form. */
export async function joinInBrowser(
  page: Page,
  invite: string,
  name: string,
  organisation: string,
) {
  await page.goto(invite);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your organisation').fill(organisation);
  await page.getByRole('button', { name: 'Join plan' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
}

/** The sync indicator's state (data-sync attribute). */
export function syncState(page: Page) {
  return page.locator('[data-sync]');
}
