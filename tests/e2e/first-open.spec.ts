// A first open of a server plan (nothing of it on this computer yet) paints the server's snapshot
// of the plan (GET /api/plans/:id/snapshot) read-only while the live document syncs, for editors
// and viewers; then the live document takes over, and nothing of the picture is written back.
// The page's sync socket is held closed (the provider retries) to look at the picture; speed is
// measured in tests/bench, not here.
import type { Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createInvite, join } from '../../server/identity/members';
import * as actions from '../../shared/plan/actions';
import { openPlan } from '../../shared/plan/plan';
import { expect, joinInBrowser, syncState, test, type TestServer } from './fixtures';

const READ_ONLY_KEYS = 'Arrows move, Enter or O opens details';
const EDITING_KEYS = /Enter edits and saves/;

/** Keeps the page's sync sockets closed until `release` is called. */
async function holdSync(page: Page): Promise<() => void> {
  let held = true;
  await page.routeWebSocket(/\/sync\//, (socket) => {
    if (held) void socket.close();
    else socket.connectToServer();
  });
  return () => {
    held = false;
  };
}

/** An editor in Node, connected to the plan through the server. */
async function nodeEditor(accord: TestServer, planId: string) {
  const { code } = await createInvite(accord.server.store, planId, {
    role: 'editor',
    maxUses: 1,
    expiresAt: null,
    label: 'node editor',
    createdBy: null,
  });
  const joined = await join(accord.server.store, code, { name: 'Node', organisation: 'Tests' });
  if (!joined.ok) throw new Error(joined.refusal);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${accord.url.replace('http', 'ws')}/sync`, planId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: joined.token },
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const plan = openPlan(doc, { actor: { id: 'node', name: 'Node' } });
  const actionId = (refPrefix: string) =>
    [...doc.getMap<Y.Map<unknown>>('actions').entries()].find(([, map]) =>
      String(map.get('title')).startsWith(refPrefix),
    )![0];
  return {
    rename: (prefix: string, title: string) => actions.edit(plan, actionId(prefix), { title }),
    titleOf: (prefix: string) =>
      [...doc.getMap<Y.Map<unknown>>('actions').values()]
        .map((map) => String(map.get('title')))
        .find((title) => title.startsWith(prefix)),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

test('an editor sees the plan read-only from the server snapshot until the live plan has synced', async ({
  accord,
  page,
}) => {
  const { planId, invites } = await accord.newPlan('First open', ['editor']);
  await accord.seed(planId, { actions: 30 });
  const release = await holdSync(page);
  const snapshot = page.waitForResponse((response) =>
    response.url().endsWith(`/api/plans/${planId}/snapshot`),
  );
  await joinInBrowser(page, invites[0]!, 'Analyst', 'Ministry');
  expect((await snapshot).status()).toBe(200);

  // The picture: the plan's rows, and nothing editable.
  const first = page.locator('.action-row', { hasText: 'Action 1:' });
  await expect(first).toBeVisible();
  await expect(page.getByText(READ_ONLY_KEYS)).toBeVisible();
  await first.locator('[data-column="title"]').click();
  await page.keyboard.press('Enter');
  await expect(page.locator('.action-row input, .action-row textarea')).toHaveCount(0);
  await expect(syncState(page)).not.toHaveAttribute('data-sync', 'saved');

  // Meanwhile the plan changes on the server.
  const editor = await nodeEditor(accord, planId);
  editor.rename('Action 1:', 'Action 1: renamed while the picture was shown');

  release();
  await expect(page.getByText(EDITING_KEYS)).toBeVisible({ timeout: 20_000 });
  await expect(syncState(page)).toHaveAttribute('data-sync', 'saved');
  await expect(
    page.locator('.action-row', { hasText: 'renamed while the picture was shown' }),
  ).toBeVisible();

  // The picture's old title is never written back: an edit here reaches the server, the rename
  // stays.
  const second = page.locator('.action-row', { hasText: 'Action 2:' });
  await second.locator('[data-column="title"]').dblclick();
  await page.keyboard.press('End');
  await page.keyboard.type(' (checked)');
  await page.keyboard.press('Enter');
  await expect.poll(() => editor.titleOf('Action 2:')).toMatch(/\(checked\)$/);
  expect(editor.titleOf('Action 1:')).toBe('Action 1: renamed while the picture was shown');
  editor.destroy();
});

test('a viewer sees the plan from the server snapshot, then up to date and read only', async ({
  accord,
  page,
}) => {
  const { planId, invites } = await accord.newPlan('First open, viewer', ['viewer']);
  await accord.seed(planId, { actions: 30 });
  const release = await holdSync(page);
  await joinInBrowser(page, invites[0]!, 'Donor', 'Fund');
  await expect(page.locator('.action-row', { hasText: 'Action 30:' })).toBeAttached();
  await expect(page.getByText(READ_ONLY_KEYS)).toBeVisible();
  await expect(syncState(page)).not.toHaveAttribute('data-sync', 'upToDate');

  release();
  await expect(syncState(page)).toHaveAttribute('data-sync', 'upToDate', { timeout: 20_000 });
  await expect(page.locator('.action-row', { hasText: 'Action 1:' })).toBeVisible();
  await expect(page.getByText(READ_ONLY_KEYS)).toBeVisible();
});
