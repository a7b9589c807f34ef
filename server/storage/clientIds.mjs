// Records which member introduced each Yjs client id of a plan (SPEC.md [G6]), inside the append
// transaction of the updates that brought them, so they cost no commit (no fsync) of their own.
// Shared by the inline store (sqliteStore.ts) and its writer thread (sqliteWriter.mjs); plain
// JavaScript for the same reason as appendUpdates.mjs; types in clientIds.d.mts.
export function prepareRecordClientIds(db) {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO client_ids (plan_id, client_id, member_id, at) VALUES (?, ?, ?, ?)',
  );
  return (records) => {
    for (const r of records) insert.run(r.planId, r.clientId, r.memberId, r.at);
  };
}
