// The one rule for plan ids, wherever one arrives: a URL, a sync path, a plan file, an IPC call, a
// folder name in the desktop store. Ids are random UUIDs (crypto.randomUUID, 36 characters);
// tests use short slugs. A letter or digit first (never "-", which a CLI or a folder listing could
// read as an option) and at most 64 characters: every id the code generates passes.

/** Letters, digits, "_" and "-", a letter or digit first, 1-64 characters. */
export const PLAN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isPlanId(text: string): boolean {
  return PLAN_ID_PATTERN.test(text);
}
