// How plan-defined frameworks sit in the `frameworks` map. Each framework has a header entry
// under its id, and each item its own entry under `${frameworkId}#${code}` rather than inside a
// nested map of the header: two replicas that start the same framework apart (say, both enter
// the national plan's chapters under 'hrap-tm-2021' while offline) would otherwise each create
// a nested map, and Yjs keeps only one of them, losing the other's items. With flat entries,
// different items both survive and the same item converges last-writer-wins.

export const FRAMEWORK_ITEM_SEPARATOR = '#';

export const CUSTOM_ITEM_KINDS = [
  'section',
  'chapter',
  'item',
  'target',
  'indicator',
  'principle',
] as const;
export type CustomItemKind = (typeof CUSTOM_ITEM_KINDS)[number];

export function itemEntryKey(frameworkId: string, code: string): string {
  return `${frameworkId}${FRAMEWORK_ITEM_SEPARATOR}${code}`;
}
