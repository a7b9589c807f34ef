// The body of the SQLite store's append transaction, shared by the inline store (sqliteStore.ts)
// and its writer thread (sqliteWriter.mjs) so the two cannot drift apart. Plain JavaScript so the
// writer thread runs it without a TypeScript loader; types are in appendUpdates.d.mts.
//
// Each update gets its log row and a sequence number. Its audit entry is coalesced: typing a
// 40-character title sends 40 updates, and 40 rows of "who changed what, when" would drown the
// history. An update extends its member's newest audit entry in the plan (last sequence number,
// last time, number of updates) when it touched exactly the same actions, fields and parts and
// came at most `auditCoalesceMs` after that entry's last update; anything else starts a new entry.
// Per member, not per plan: in a workshop many people type at once and their updates interleave.
// Updates without a member are never coalesced (they may come from different people).

/** The same actions, fields and parts, whatever order they were listed in. */
export function canonicalTouched(actionsJson, partsJson) {
  const actions = JSON.parse(actionsJson);
  return JSON.stringify([
    Object.keys(actions)
      .sort()
      .map((id) => [id, [...actions[id]].sort()]),
    [...JSON.parse(partsJson)].sort(),
  ]);
}

export function prepareAppend(db, auditCoalesceMs) {
  const nextSeq = db.prepare(
    'UPDATE plans SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq',
  );
  const insertUpdate = db.prepare(
    'INSERT INTO updates (plan_id, seq, member_id, at, data) VALUES (?, ?, ?, ?, ?)',
  );
  const insertAudit = db.prepare(
    `INSERT INTO audit (plan_id, seq, member_id, at, actions, parts, last_seq, last_at, updates)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const newestOfMember = db.prepare(
    `SELECT seq, last_at, actions, parts FROM audit WHERE plan_id = ? AND member_id = ?
       ORDER BY seq DESC LIMIT 1`,
  );
  const extendAudit = db.prepare(
    `UPDATE audit SET last_seq = ?, last_at = MAX(last_at, ?), updates = updates + 1
       WHERE plan_id = ? AND seq = ?`,
  );

  /** The entry this update extends, or undefined when it starts a new one. */
  const extensible = (entry, actions, parts) => {
    if (!(auditCoalesceMs > 0) || entry.memberId === null) return undefined;
    const newest = newestOfMember.get(entry.planId, entry.memberId);
    if (!newest || entry.at - newest.last_at > auditCoalesceMs) return undefined;
    if (newest.actions === actions && newest.parts === parts) return newest;
    return canonicalTouched(newest.actions, newest.parts) === canonicalTouched(actions, parts)
      ? newest
      : undefined;
  };

  return (updates) => {
    const seqs = [];
    for (const entry of updates) {
      const row = nextSeq.get(entry.planId);
      if (!row) throw new Error(`no plan ${entry.planId}`);
      const seq = row.last_seq;
      insertUpdate.run(entry.planId, seq, entry.memberId, entry.at, entry.update);
      const actions = JSON.stringify(entry.touched.actions);
      const parts = JSON.stringify(entry.touched.parts);
      const extended = extensible(entry, actions, parts);
      if (extended) extendAudit.run(seq, entry.at, entry.planId, extended.seq);
      else {
        insertAudit.run(entry.planId, seq, entry.memberId, entry.at, actions, parts, seq, entry.at);
      }
      seqs.push(seq);
    }
    return seqs;
  };
}
