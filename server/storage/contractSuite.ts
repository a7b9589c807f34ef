// The storage contract: every PlanStore backend runs this same suite, one block per storage port
// (store.ts), so backends cannot drift apart. A PostgreSQL backend calls
// `storageContractSuite('postgres', factory)`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PlanStore, Touched } from './store';

const NOTHING: Touched = { actions: {}, parts: [] };
const T0 = Date.UTC(2026, 0, 1);

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | undefined;
  const capture = (update: Uint8Array) => (captured = update);
  doc.on('update', capture);
  doc.getText('t').insert(doc.getText('t').length, text);
  doc.off('update', capture);
  if (!captured) throw new Error('no update');
  return captured;
}

/** How a backend under test is opened. */
export interface ContractStoreOptions {
  /** the audit coalescing window (ServerConfig limits.auditCoalesceMs) */
  readonly auditCoalesceMs: number;
}

/** The window the suite's stores use: an update within it extends its member's entry. */
const COALESCE_MS = 60_000;

export function storageContractSuite(
  name: string,
  open: (options: ContractStoreOptions) => Promise<PlanStore>,
): void {
  describe(`storage contract: ${name}`, () => {
    let store: PlanStore;
    const planId = 'plan-1';

    beforeEach(async () => {
      store = await open({ auditCoalesceMs: COALESCE_MS });
      await store.createPlan({ id: planId, title: 'SDG 8 plan', createdAt: T0 });
    });
    afterEach(async () => {
      await store.close();
    });

    describe('plans (PlanCatalog)', () => {
      it('[ST1] keeps plans', async () => {
        expect(await store.getPlan(planId)).toEqual({
          id: planId,
          title: 'SDG 8 plan',
          createdAt: T0,
        });
        expect(await store.getPlan('nope')).toBeUndefined();
        expect((await store.listPlans()).map((p) => p.id)).toEqual([planId]);
      });
    });

    describe('membership (MembershipStore)', () => {
      it('[ST6] redeems an invite once per use, and refuses expired, revoked and spent ones', async () => {
        const base = { planId, role: 'editor' as const, createdAt: T0, createdBy: null, label: '' };
        await store.createInvite({
          ...base,
          id: 'i1',
          codeHash: 'h1',
          maxUses: 1,
          expiresAt: null,
        });
        await store.createInvite({
          ...base,
          id: 'i2',
          codeHash: 'h2',
          maxUses: null,
          expiresAt: T0 + 10,
        });
        await store.createInvite({
          ...base,
          id: 'i3',
          codeHash: 'h3',
          maxUses: null,
          expiresAt: null,
        });
        const joiner = (id: string, at = T0) => ({
          id,
          name: 'Aman',
          organisation: 'Ministry of Labour',
          tokenHash: `token-${id}`,
          createdAt: at,
        });
        const first = await store.redeemInvite('h1', joiner('m1'));
        expect(first).toMatchObject({
          ok: true,
          member: { planId, role: 'editor', inviteId: 'i1' },
        });
        expect(await store.redeemInvite('h1', joiner('m2'))).toEqual({
          ok: false,
          refusal: 'usedUp',
        });
        expect(await store.redeemInvite('h2', joiner('m3', T0 + 10))).toEqual({
          ok: false,
          refusal: 'expired',
        });
        expect(await store.redeemInvite('nope', joiner('m4'))).toEqual({
          ok: false,
          refusal: 'unknown',
        });
        expect((await store.redeemInvite('h3', joiner('m5'))).ok).toBe(true);
        expect(await store.revokeInvite(planId, 'i3', T0 + 5, true)).toMatchObject([{ id: 'm5' }]);
        expect(await store.redeemInvite('h3', joiner('m6'))).toEqual({
          ok: false,
          refusal: 'revoked',
        });
        expect(await store.revokeInvite(planId, 'missing', T0, false)).toBeUndefined();
        const invites = await store.listInvites(planId);
        expect(invites.map((i) => [i.id, i.uses])).toEqual([
          ['i1', 1],
          ['i2', 0],
          ['i3', 1],
        ]);
      });

      it('[ST7] finds members by token hash within their plan and reports revocations', async () => {
        const added = await store.addMember({
          id: 'm1',
          planId,
          name: 'Aman',
          organisation: 'NHRI',
          role: 'owner',
          inviteId: null,
          tokenHash: 'th',
          createdAt: T0,
        });
        expect(added.revokedAt).toBeNull();
        expect((await store.memberByTokenHash(planId, 'th'))?.id).toBe('m1');
        expect(await store.memberByTokenHash('other-plan', 'th')).toBeUndefined();
        expect(await store.membersRevokedSince(0)).toEqual([]);
        expect((await store.revokeMember(planId, 'm1', T0 + 1))?.revokedAt).toBe(T0 + 1);
        expect(await store.revokeMember(planId, 'missing', T0 + 1)).toBeUndefined();
        expect((await store.membersRevokedSince(T0)).map((m) => m.id)).toEqual(['m1']);
        expect(await store.membersRevokedSince(T0 + 1)).toEqual([]);
        expect((await store.listMembers(planId)).map((m) => m.id)).toEqual(['m1']);
      });

      it('[ST14] changes a role or revokes, never leaving a plan without an active owner', async () => {
        const add = (id: string, role: 'owner' | 'editor') =>
          store.addMember({
            id,
            planId,
            name: id,
            organisation: 'NHRI',
            role,
            inviteId: null,
            tokenHash: `th-${id}`,
            createdAt: T0,
          });
        await add('o1', 'owner');
        await add('o2', 'owner');
        await add('e1', 'editor');
        expect(await store.changeMember(planId, 'e1', { role: 'viewer' })).toMatchObject({
          ok: true,
          member: { id: 'e1', role: 'viewer', revokedAt: null },
        });
        expect(await store.changeMember(planId, 'missing', { role: 'viewer' })).toEqual({
          ok: false,
          refusal: 'unknown',
        });
        expect(await store.changeMember('other-plan', 'e1', { role: 'owner' })).toMatchObject({
          ok: false,
        });
        // Two owners demoting each other at once: exactly one demotion goes through.
        const both = await Promise.all([
          store.changeMember(planId, 'o1', { role: 'editor' }),
          store.changeMember(planId, 'o2', { revokedAt: T0 + 1 }),
        ]);
        expect(both.filter((outcome) => outcome.ok)).toHaveLength(1);
        expect(both.find((outcome) => !outcome.ok)).toEqual({ ok: false, refusal: 'lastOwner' });
        const owners = (await store.listMembers(planId)).filter(
          (m) => m.role === 'owner' && m.revokedAt === null,
        );
        expect(owners).toHaveLength(1);
        const last = owners[0]!.id;
        expect(await store.changeMember(planId, last, { revokedAt: T0 + 2 })).toEqual({
          ok: false,
          refusal: 'lastOwner',
        });
        // Promoting another first makes the change possible.
        expect((await store.changeMember(planId, 'e1', { role: 'owner' })).ok).toBe(true);
        expect(await store.changeMember(planId, last, { role: 'viewer' })).toMatchObject({
          ok: true,
          member: { role: 'viewer' },
        });
      });
    });

    describe('update log (UpdateLog)', () => {
      it('[ST2] appends updates in order and rebuilds the document from them', async () => {
        const doc = new Y.Doc();
        const seqs = await store.appendUpdates([
          { planId, update: textUpdate(doc, 'a'), memberId: 'm1', at: T0, touched: NOTHING },
          { planId, update: textUpdate(doc, 'b'), memberId: 'm1', at: T0, touched: NOTHING },
        ]);
        expect(seqs).toEqual([1, 2]);
        expect(await store.appendUpdates([])).toEqual([]);
        const stored = await store.loadDocument(planId);
        expect(stored.state).toBeNull();
        expect(stored.updates.map((u) => u.seq)).toEqual([1, 2]);
        const copy = new Y.Doc();
        for (const { update } of stored.updates) Y.applyUpdate(copy, update);
        expect(copy.getText('t').toString()).toBe('ab');
      });

      it('[ST3] refuses an update for an unknown plan and stores none of its batch', async () => {
        const doc = new Y.Doc();
        await expect(
          store.appendUpdates([
            { planId, update: textUpdate(doc, 'a'), memberId: null, at: T0, touched: NOTHING },
            {
              planId: 'nope',
              update: textUpdate(doc, 'b'),
              memberId: null,
              at: T0,
              touched: NOTHING,
            },
          ]),
        ).rejects.toThrow();
        expect((await store.loadDocument(planId)).updates).toEqual([]);
      });

      it('[ST4] compaction replaces the log up to a sequence number and keeps what follows', async () => {
        const doc = new Y.Doc();
        for (const text of ['a', 'b', 'c']) {
          await store.appendUpdates([
            { planId, update: textUpdate(doc, text), memberId: null, at: T0, touched: NOTHING },
          ]);
        }
        const upToB = new Y.Doc();
        Y.applyUpdate(upToB, Y.encodeStateAsUpdate(doc));
        await store.compact(planId, Y.encodeStateAsUpdate(doc), 2, T0);
        // an older compaction arriving late is ignored
        await store.compact(planId, new Uint8Array([0, 0]), 1, T0);
        const stored = await store.loadDocument(planId);
        expect(stored.stateSeq).toBe(2);
        expect(stored.updates.map((u) => u.seq)).toEqual([3]);
        const copy = new Y.Doc();
        Y.applyUpdate(copy, stored.state as Uint8Array);
        for (const { update } of stored.updates) Y.applyUpdate(copy, update);
        expect(copy.getText('t').toString()).toBe('abc');
        // sequence numbers keep growing after compaction
        const [next] = await store.appendUpdates([
          { planId, update: textUpdate(doc, 'd'), memberId: null, at: T0, touched: NOTHING },
        ]);
        expect(next).toBe(4);
      });

      it('[ST11] merges the state and its log into one state, a bounded number of entries at a time', async () => {
        const doc = new Y.Doc();
        const texts = ['a', 'b', 'c', 'd'];
        for (const text of texts) {
          await store.appendUpdates([
            { planId, update: textUpdate(doc, text), memberId: null, at: T0, touched: NOTHING },
          ]);
        }
        const first = await store.loadMergedState(planId, 2);
        expect([first.stateSeq, first.seq, first.lastSeq]).toEqual([0, 2, 4]);
        await store.compact(planId, first.state, first.seq, T0);
        const rest = await store.loadMergedState(planId);
        expect([rest.stateSeq, rest.seq, rest.lastSeq]).toEqual([2, 4, 4]);
        const copy = new Y.Doc();
        Y.applyUpdate(copy, rest.state);
        expect(copy.getText('t').toString()).toBe('abcd');
        expect(await store.damagedPlans()).toEqual([]);
        await store.probeWrite();
      });

      it('[ST15] grants one compaction lease per plan at a time, and again once released', async () => {
        await store.createPlan({ id: 'plan-2', title: 'Other', createdAt: T0 });
        const first = await store.compactionLease(planId);
        expect(first).not.toBeNull();
        expect(await store.compactionLease(planId)).toBeNull();
        const other = await store.compactionLease('plan-2');
        expect(other).not.toBeNull();
        await first!.release();
        const again = await store.compactionLease(planId);
        expect(again).not.toBeNull();
        await again!.release();
        await other!.release();
      });

      it('[G6] records which member introduced each client id with the updates, first one wins', async () => {
        const doc = new Y.Doc();
        const record = (clientId: number, memberId: string, at: number) => ({
          planId,
          clientId,
          memberId,
          at,
        });
        await store.appendUpdates(
          [{ planId, update: textUpdate(doc, 'a'), memberId: 'm1', at: T0, touched: NOTHING }],
          [record(1, 'm1', T0), record(2, 'm1', T0)],
        );
        await store.appendUpdates(
          [{ planId, update: textUpdate(doc, 'b'), memberId: 'm2', at: T0 + 1, touched: NOTHING }],
          [record(2, 'm2', T0 + 1)],
        );
        const records = [...(await store.clientIds(planId))].sort(
          (a, b) => a.clientId - b.clientId,
        );
        expect(records).toEqual([record(1, 'm1', T0), record(2, 'm1', T0)]);
      });
    });

    describe('audit trail (AuditTrail)', () => {
      it('[ST5] records who touched which actions and fields, newest first, paged', async () => {
        const doc = new Y.Doc();
        const touched: Touched = { actions: { a1: ['title', 'status'] }, parts: ['actions'] };
        await store.appendUpdates([
          { planId, update: textUpdate(doc, 'a'), memberId: 'm1', at: T0, touched },
          { planId, update: textUpdate(doc, 'b'), memberId: 'm2', at: T0 + 1, touched: NOTHING },
        ]);
        await store.compact(planId, Y.encodeStateAsUpdate(doc), 2, T0);
        const history = await store.history(planId, 10);
        expect(history.map((h) => [h.seq, h.memberId])).toEqual([
          [2, 'm2'],
          [1, 'm1'],
        ]);
        expect(history[1]?.touched).toEqual(touched);
        expect((await store.history(planId, 10, 2)).map((h) => h.seq)).toEqual([1]);
      });

      it("[ST10] a member's updates touching the same things within the window share one audit entry", async () => {
        const doc = new Y.Doc();
        const title: Touched = { actions: { a1: ['title'] }, parts: ['actions'] };
        const both: Touched = { actions: { a1: ['status', 'title'] }, parts: ['actions'] };
        const bothReordered: Touched = { actions: { a1: ['title', 'status'] }, parts: ['actions'] };
        const append = (memberId: string | null, at: number, touched: Touched) =>
          store.appendUpdates([{ planId, update: textUpdate(doc, 'x'), memberId, at, touched }]);
        await append('m1', T0, title); // 1: new entry
        await append('m2', T0 + 1, title); // 2: another member: new entry
        await append('m1', T0 + 2, title); // 3: extends 1 (m2's entry in between is not m1's)
        await store.appendUpdates([
          { planId, update: textUpdate(doc, 'x'), memberId: 'm1', at: T0 + 3, touched: title }, // 4: extends 1
          { planId, update: textUpdate(doc, 'x'), memberId: 'm1', at: T0 + 4, touched: both }, // 5: new
        ]);
        await append('m1', T0 + 5, bothReordered); // 6: extends 5 (same fields, other order)
        await append('m1', T0 + 6, title); // 7: new: 1 is no longer m1's newest entry
        await append('m1', T0 + 6 + COALESCE_MS + 1, title); // 8: new: after the window
        await append(null, T0 + 7 + COALESCE_MS, title); // 9: no member: never coalesced
        await append(null, T0 + 8 + COALESCE_MS, title); // 10
        const history = await store.history(planId, 10);
        expect(
          history.map((h) => [h.seq, h.lastSeq, h.updates, h.memberId, h.at - T0, h.lastAt - T0]),
        ).toEqual([
          [10, 10, 1, null, 8 + COALESCE_MS, 8 + COALESCE_MS],
          [9, 9, 1, null, 7 + COALESCE_MS, 7 + COALESCE_MS],
          [8, 8, 1, 'm1', 7 + COALESCE_MS, 7 + COALESCE_MS],
          [7, 7, 1, 'm1', 6, 6],
          [5, 6, 2, 'm1', 4, 5],
          [2, 2, 1, 'm2', 1, 1],
          [1, 4, 3, 'm1', 0, 3],
        ]);
        expect(history.find((h) => h.seq === 5)?.touched).toEqual(both);
        expect((await store.history(planId, 2, 5)).map((h) => h.seq)).toEqual([2, 1]);
      });

      it('[ST10] without a window every update has its own audit entry', async () => {
        const separate = await open({ auditCoalesceMs: 0 });
        try {
          await separate.createPlan({ id: planId, title: 'SDG 8 plan', createdAt: T0 });
          const doc = new Y.Doc();
          const title: Touched = { actions: { a1: ['title'] }, parts: ['actions'] };
          for (const at of [T0, T0 + 1]) {
            await separate.appendUpdates([
              { planId, update: textUpdate(doc, 'x'), memberId: 'm1', at, touched: title },
            ]);
          }
          const history = await separate.history(planId, 10);
          expect(history.map((h) => [h.seq, h.lastSeq, h.updates])).toEqual([
            [2, 2, 1],
            [1, 1, 1],
          ]);
        } finally {
          await separate.close();
        }
      });
    });

    describe('checkpoints (CheckpointStore)', () => {
      it('[ST8] keeps dated checkpoints and prunes old ones but never the newest', async () => {
        await store.addCheckpoint(planId, T0, 1, new Uint8Array([1]));
        await store.addCheckpoint(planId, T0 + 100, 2, new Uint8Array([2, 2]));
        const list = await store.listCheckpoints(planId);
        expect(list.map((c) => [c.at, c.byteLength])).toEqual([
          [T0 + 100, 2],
          [T0, 1],
        ]);
        expect(await store.readCheckpoint(planId, list[0]?.id ?? -1)).toEqual(
          new Uint8Array([2, 2]),
        );
        expect(await store.pruneCheckpoints(T0 + 1000)).toBe(1);
        expect((await store.listCheckpoints(planId)).map((c) => c.seq)).toEqual([2]);
      });
    });

    describe('storage health (StorageHealth)', () => {
      it('[ST16] a sound store can write and names no damaged plan', async () => {
        await expect(store.probeWrite()).resolves.toBeUndefined();
        expect(await store.damagedPlans()).toEqual([]);
      });
    });
  });
}
