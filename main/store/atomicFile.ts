// Replaces a file so that after a crash or power cut it holds either the old or the new bytes,
// never a mix: write a temporary file beside it, flush it, rename it over the target (atomic on
// POSIX and on NTFS), then flush the directory so the rename itself is durable.
import { open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';

/** Suffix of temporary files; leftovers from a crash are deleted when a plan is opened. */
export const TEMP_SUFFIX = '.tmp';

/** `mode` applies on POSIX (0o600: readable by this user only); Windows ignores it. */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  mode = 0o644,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}${TEMP_SUFFIX}`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Flushes a directory's entries (created, renamed or removed files). Windows cannot open a
 * directory for fsync and NTFS journals renames itself, so there it is skipped.
 */
export async function syncDirectory(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
