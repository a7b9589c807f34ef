// When two names mean the same organisation or objective: people type "Ministry of labour " for
// "Ministry of Labour", and imports and the registry must not treat them as two.

/** Same text for matching names: case, surrounding and repeated spaces ignored. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}
