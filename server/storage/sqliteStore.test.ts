import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storageContractSuite } from './contractSuite';
import { SqliteStore } from './sqliteStore';

const folder = mkdtempSync(join(tmpdir(), 'accord-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

storageContractSuite(
  'sqlite',
  async () => new SqliteStore({ file: join(folder, `${files++}.db`) }),
);
storageContractSuite(
  'sqlite with a writer thread',
  async () => new SqliteStore({ file: join(folder, `${files++}.db`), writerThread: true }),
);

describe('sqlite store', () => {
  it('[ST9] keeps appended updates after the file is closed and reopened', async () => {
    const file = join(folder, 'reopen.db');
    const first = new SqliteStore({ file });
    await first.createPlan({ id: 'p', title: 'x', createdAt: 0 });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'kept');
    await first.appendUpdates([
      {
        planId: 'p',
        update: Y.encodeStateAsUpdate(doc),
        memberId: null,
        at: 0,
        touched: { actions: {}, parts: [] },
      },
    ]);
    await first.close();
    const second = new SqliteStore({ file });
    const stored = await second.loadDocument('p');
    const copy = new Y.Doc();
    for (const { update } of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe('kept');
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await second.close();
  });
});
