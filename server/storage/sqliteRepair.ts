// `npm run admin -- repair <planId>`: rebuilds a damaged plan from the newest intact base (its
// compacted state or a checkpoint, whichever reaches further) plus every intact log entry after
// it, and says what it recovered and what it could not. Every row is read on its own, so a page
// SQLite cannot read costs only the rows on it. Clients that still hold what was lost send it
// again when they next sync (a CRDT merge), so a repair followed by a workshop's reconnects often
// recovers everything.
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { checksumOf } from './integrity';

export interface RepairReport {
  readonly planId: string;
  /** what the rebuild started from */
  readonly base:
    | { readonly kind: 'state'; readonly seq: number }
    | { readonly kind: 'checkpoint'; readonly id: number; readonly seq: number }
    | { readonly kind: 'none'; readonly seq: 0 };
  /** intact log entries applied after the base */
  readonly applied: number;
  /**
   * intact entries that build on lost ones (later edits of the same editor's session): Yjs keeps
   * them waiting for what is lost, so they are not in the rebuilt plan; their author's copy sends
   * them again, with what was lost, on its next sync
   */
  readonly unapplied: number;
  /** log entries after the base that were unreadable, missing or failed their checksum */
  readonly lost: readonly number[];
  /** checkpoints that failed their checksum or could not be read (removed when possible) */
  readonly damagedCheckpoints: readonly number[];
  /** actions in the rebuilt plan */
  readonly actions: number;
  /** the plan's last sequence number, through which the rebuilt state reaches */
  readonly throughSeq: number;
}

interface Blob {
  data: Buffer;
  checksum: string | null;
}

/** The row, or undefined when it is missing, unreadable or fails its checksum. */
function intact(read: () => Blob | undefined): Buffer | undefined {
  try {
    const row = read();
    return row && row.checksum === checksumOf(row.data) ? row.data : undefined;
  } catch {
    return undefined;
  }
}

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function repairPlan(db: Database.Database, planId: string, at: number): RepairReport {
  const plan = db.prepare('SELECT last_seq FROM plans WHERE id = ?').get(planId) as
    { last_seq: number } | undefined;
  if (!plan) throw new Error(`no plan ${planId}`);
  const throughSeq = plan.last_seq;

  const stateRow = attempt(
    () =>
      db.prepare('SELECT seq FROM states WHERE plan_id = ?').get(planId) as
        { seq: number } | undefined,
    undefined,
  );
  const state = intact(
    () => db.prepare('SELECT data, checksum FROM states WHERE plan_id = ?').get(planId) as Blob,
  );
  const checkpoints = attempt(
    () =>
      db
        .prepare('SELECT id, seq FROM checkpoints WHERE plan_id = ? ORDER BY seq DESC, id DESC')
        .all(planId) as { id: number; seq: number }[],
    [],
  );
  const damagedCheckpoints: number[] = [];
  let base: RepairReport['base'] = { kind: 'none', seq: 0 };
  let baseData: Buffer | undefined;
  if (stateRow && state) {
    base = { kind: 'state', seq: stateRow.seq };
    baseData = state;
  }
  for (const checkpoint of checkpoints) {
    const data = intact(
      () =>
        db
          .prepare('SELECT data, checksum FROM checkpoints WHERE id = ?')
          .get(checkpoint.id) as Blob,
    );
    if (!data) damagedCheckpoints.push(checkpoint.id);
    else if (checkpoint.seq > base.seq) {
      base = { kind: 'checkpoint', id: checkpoint.id, seq: checkpoint.seq };
      baseData = data;
    }
  }

  const doc = new Y.Doc();
  if (baseData) Y.applyUpdate(doc, baseData);
  const readEntry = db.prepare('SELECT data, checksum FROM updates WHERE plan_id = ? AND seq = ?');
  const lost: number[] = [];
  let applied = 0;
  let unapplied = 0;
  const clocks = () =>
    [...doc.store.clients.keys()].reduce((sum, c) => sum + Y.getState(doc.store, c), 0);
  for (let seq = base.seq + 1; seq <= throughSeq; seq++) {
    const data = intact(() => readEntry.get(planId, seq) as Blob | undefined);
    if (!data) {
      lost.push(seq);
      continue;
    }
    const before = clocks();
    Y.applyUpdate(doc, data);
    const waiting = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
    if (waiting && clocks() === before) unapplied += 1;
    else applied += 1;
  }
  // encodeStateAsUpdate carries pending structs along; the rebuilt plan is what applied, or its
  // next load would find them waiting again
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  const rebuilt = Y.encodeStateAsUpdate(doc);
  const actions = doc.getMap('actions').size;
  doc.destroy();

  const report: RepairReport = {
    planId,
    base,
    applied,
    unapplied,
    lost,
    damagedCheckpoints,
    actions,
    throughSeq,
  };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO states (plan_id, seq, data, compacted_at, checksum) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (plan_id) DO UPDATE SET seq = excluded.seq, data = excluded.data,
         compacted_at = excluded.compacted_at, checksum = excluded.checksum`,
    ).run(planId, throughSeq, rebuilt, at, checksumOf(rebuilt));
    db.prepare(
      'INSERT INTO checkpoints (plan_id, at, seq, data, checksum) VALUES (?, ?, ?, ?, ?)',
    ).run(planId, at, throughSeq, rebuilt, checksumOf(rebuilt));
    db.prepare('INSERT INTO repairs (plan_id, at, report) VALUES (?, ?, ?)').run(
      planId,
      at,
      JSON.stringify(report),
    );
  })();
  // Then what the new state folds in or replaces goes, row by row by key and each on its own: a
  // page SQLite cannot read fails only its own rows (which then stay, never read again: loads
  // start after the state), and never the repair itself.
  const removeCheckpoint = db.prepare('DELETE FROM checkpoints WHERE id = ?');
  for (const id of damagedCheckpoints) attempt(() => removeCheckpoint.run(id), undefined);
  const removeEntry = db.prepare('DELETE FROM updates WHERE plan_id = ? AND seq = ?');
  for (let seq = 1; seq <= throughSeq; seq++)
    attempt(() => removeEntry.run(planId, seq), undefined);
  return report;
}

/** "751, 900-903": sequence numbers as ranges, for people. */
export function ranges(seqs: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < seqs.length;) {
    let j = i;
    while (j + 1 < seqs.length && seqs[j + 1] === (seqs[j] ?? 0) + 1) j++;
    parts.push(i === j ? String(seqs[i]) : `${seqs[i]}-${seqs[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** One paragraph for the administrator: what was recovered, what was not. */
export function describeRepair(report: RepairReport): string {
  const base =
    report.base.kind === 'state'
      ? `its compacted state (through entry ${report.base.seq})`
      : report.base.kind === 'checkpoint'
        ? `checkpoint ${report.base.id} (through entry ${report.base.seq})`
        : 'nothing stored before its log (no intact state or checkpoint)';
  const lines = [
    `repaired plan ${report.planId} from ${base} and ${report.applied} intact log entries after it; ` +
      `it now has ${report.actions} actions`,
  ];
  if (report.lost.length > 0) {
    lines.push(
      `could not recover log entries ${ranges(report.lost)} (unreadable, missing or failing their checksum)`,
    );
  }
  if (report.unapplied > 0) {
    lines.push(
      `${report.unapplied} later log entries build on lost ones and wait for them (not in the plan)`,
    );
  }
  if (report.damagedCheckpoints.length > 0) {
    lines.push(`removed damaged checkpoints ${report.damagedCheckpoints.join(', ')}`);
  }
  if (report.lost.length > 0 || report.unapplied > 0) {
    lines.push('members who still hold those edits send them again when they next connect');
  }
  return lines.join('\n');
}
