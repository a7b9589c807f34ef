import { describe, expect, it } from 'vitest';
import { describeSync, pendingChanges } from './syncState';

describe('pendingChanges', () => {
  it('counts what the server has not stored, per client', () => {
    const local = new Map([
      [1, 10],
      [2, 5],
    ]);
    expect(pendingChanges(local, new Map([[1, 7]]))).toBe(8);
    expect(pendingChanges(local, null)).toBe(15);
    expect(
      pendingChanges(
        local,
        new Map([
          [1, 12],
          [2, 5],
        ]),
      ),
    ).toBe(0);
  });
});

describe('describeSync', () => {
  it.each([
    ['offline stays offline', 'offline', true, 3, true, 'offline'],
    ['connected but not synced is syncing', 'connected', false, 0, true, 'syncing'],
    ['no acknowledgement yet is syncing', 'connected', true, 0, false, 'syncing'],
    ['everything stored is saved', 'connected', true, 0, true, 'saved'],
    ['some not stored is unsaved', 'connected', true, 2, true, 'unsaved'],
  ] as const)('%s', (_name, connection, synced, pending, acknowledged, kind) => {
    expect(describeSync(connection, synced, pending, acknowledged).kind).toBe(kind);
  });
});
