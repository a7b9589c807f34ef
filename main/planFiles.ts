// Saving a plan to an `.accord` file from the local store, and reading one for the page to open.
// Reading only decodes and checks the file: the page merges its state (one Yjs update) into this
// computer's copy, after checking the user may change that plan, so a file that fails to decode,
// or that the page refuses, changes nothing.
import { open, stat } from 'node:fs/promises';
import type { PlanPersistence } from '../shared/contracts/persistence';
import {
  MAX_PLAN_FILE_BYTES,
  decodePlanFile,
  encodePlanFile,
  type PlanFile,
  type PlanFileError,
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

export type ReadPlanFileResult =
  | { readonly ok: true; readonly file: PlanFile }
  | { readonly ok: false; readonly error: PlanFileError };

/**
 * Reads and checks a plan file and returns its contents; writes nothing. Whether the file may be
 * merged into this computer's copy depends on the user's role in the plan, which only the page
 * knows, so the page merges it (renderer/session/planFileExchange.ts), as in a browser. Every
 * failure, the file system's included, is a PlanFileError with a message for a person.
 */
export async function readPlanFile(path: string): Promise<ReadPlanFileResult> {
  try {
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
    const decoded = decodePlanFile(await readAtMost(path, MAX_PLAN_FILE_BYTES + 1));
    return decoded.ok ? { ok: true, file: decoded.file } : decoded;
  } catch (error) {
    return { ok: false, error: { code: 'foreign', message: describeFileError(error) } };
  }
}

/** A message for a person, from a file-system error, without internal detail. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'The file or folder does not exist.';
    case 'EACCES':
    case 'EPERM':
      return 'Accord is not allowed to use this file or folder.';
    case 'ENOSPC':
      return 'The disk is full.';
    case 'EISDIR':
      return 'This is a folder, not a file.';
    default:
      return 'The file could not be read or written.';
  }
}

/**
 * Reads up to `limit` bytes, whatever the file grew to since it was checked, into a plain
 * Uint8Array of its own: never a Buffer, whose slice() shares memory (and small Buffers share
 * Node's pool), so the plan state decoded from it is a copy that holds nothing else when it is
 * sent to the page.
 */
async function readAtMost(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(1024 * 1024, limit - total));
      if (chunk.byteLength === 0) break;
      const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}
