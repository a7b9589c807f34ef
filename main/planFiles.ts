// Saving a plan to an `.accord` file and opening one into the local store. Opening appends the
// file's state as one update, so a plan already on this computer is merged, not replaced, and a
// file that fails to decode changes nothing.
import { open, stat } from 'node:fs/promises';
import type { PlanPersistence } from '../shared/persistence';
import {
  MAX_PLAN_FILE_BYTES,
  decodePlanFile,
  encodePlanFile,
  type PlanFileError,
  type PlanFileMetadata,
} from '../shared/planFile';
import { writeFileAtomic } from './store/atomicFile';

export type SavePlanFileResult =
  | { readonly ok: true; readonly path: string }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'not_found'; readonly message: string };
    };

export async function savePlanFile(
  store: PlanPersistence,
  planId: string,
  path: string,
  about: { readonly title: string; readonly appVersion: string; readonly now: Date },
): Promise<SavePlanFileResult> {
  const state = await store.load(planId);
  if (!state) {
    return {
      ok: false,
      error: { code: 'not_found', message: 'This plan has nothing stored yet.' },
    };
  }
  const bytes = encodePlanFile({
    metadata: {
      planId,
      title: about.title,
      exportedAt: about.now.toISOString(),
      appVersion: about.appVersion,
    },
    state,
  });
  // Atomic, so overwriting an earlier export never leaves half a file if the app dies.
  await writeFileAtomic(path, bytes);
  return { ok: true, path };
}

export type OpenPlanFileResult =
  | { readonly ok: true; readonly metadata: PlanFileMetadata }
  | { readonly ok: false; readonly error: PlanFileError };

export async function openPlanFile(
  store: PlanPersistence,
  path: string,
): Promise<OpenPlanFileResult> {
  const info = await stat(path);
  if (!info.isFile()) {
    return { ok: false, error: { code: 'foreign', message: 'This is not a file.' } };
  }
  if (info.size > MAX_PLAN_FILE_BYTES) {
    // Checked before reading, so a huge file is refused without loading it into memory.
    return {
      ok: false,
      error: { code: 'foreign', message: 'This file is far larger than any Accord plan file.' },
    };
  }
  const bytes = await readAtMost(path, MAX_PLAN_FILE_BYTES + 1);
  const decoded = decodePlanFile(bytes);
  if (!decoded.ok) return decoded;
  const { metadata, state } = decoded.file;
  await store.append(metadata.planId, state);
  const known = (await store.list()).find((plan) => plan.planId === metadata.planId);
  if (!known?.title) {
    // A plan new to this computer gets the file's title on the start screen until it syncs.
    await store.describe({
      planId: metadata.planId,
      title: metadata.title,
      serverUrl: known?.serverUrl ?? null,
      lastSyncedAt: known?.lastSyncedAt ?? null,
      updatedAt: new Date().toISOString(),
    });
  }
  return { ok: true, metadata };
}

/** Reads up to `limit` bytes, whatever the file grew to since it was checked. */
async function readAtMost(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit - total));
      if (chunk.byteLength === 0) break;
      const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}
