// The kinds of field a plan document holds (one Y.Doc per plan) and what each means for reading,
// writing, restoring and the schema. layout.ts states every entity's fields once with these;
// snapshot.ts, restore.ts, schema.ts and the operations derive from it.
// Hand-written rather than a schema library's codecs: the readers must be lenient (never throw,
// fall back to a default) where zod is strict, and the writers must produce Yjs types.
import * as Y from 'yjs';
import { z } from 'zod';
import { newText, setText } from './plan';
import {
  asMap,
  asRecord,
  readDate,
  readId,
  readPercent,
  readRequiredTimestamp,
  readTimestamp,
} from './read';

/** `YYYY-MM-DD` naming a real calendar day. */
export const IsoDate = z.iso.date();
/** An ISO 8601 timestamp in UTC, as `Date.toISOString()` writes it. */
export const IsoTimestamp = z.iso.datetime();
/** An entry's id (a map key), or a reference to one. */
export const Id = z.string().min(1).max(100);

/** How a field sits in the document; the layout study (LAYOUT.md) counts bytes by kind. */
export const FIELD_KINDS = {
  /** a Y.Text: concurrent edits of its characters merge */
  text: 'text',
  /** a plain string, replaced whole (the last writer wins) */
  string: 'string',
  /** an ISO date `YYYY-MM-DD`, or null */
  date: 'date',
  /** an ISO timestamp in UTC */
  timestamp: 'timestamp',
  /** one of a closed `as const` set */
  choice: 'choice',
  /** a finite number, or a whole number in a range */
  number: 'number',
  /** a set as flat keys of its entry, `<prefix><member>` → true (schema 3) */
  flatSet: 'flatSet',
  /** records as flat keys of their entry, `<prefix><key>` → plain object (schema 3) */
  flatRecords: 'flatRecords',
  /** a plain array of strings, replaced whole */
  list: 'list',
  /** a plain object of fields, replaced whole */
  record: 'record',
  /** Y.Map<key, Y.Map>: a nested map of entities whose fields change one by one */
  entities: 'entities',
  /** Y.Map<key, plain object>: a nested map of records, each replaced whole */
  records: 'records',
} as const;
export type FieldKind = keyof typeof FIELD_KINDS;

/** Where a field is read from: its entry's key and its sibling fields (a field may need one). */
export interface StoredEntry {
  readonly key: string;
  get(field: string): unknown;
  /** every key stored in the entry (flat members such as `partner:<orgId>`) */
  keys(): Iterable<string>;
}

/** What a required field reads as when it is missing or broken: the whole entry is skipped. */
export const MISSING: unique symbol = Symbol('missing');

export interface Field<T> {
  readonly kind: FieldKind;
  /** the snapshot's schema of the value */
  readonly schema: z.ZodType<T>;
  /** what a peer stored, read leniently: a valid value, the default, or MISSING (required) */
  readonly read: (stored: unknown, entry: StoredEntry) => T | typeof MISSING;
  /** how a value is stored (a new Y.Text, a set's Y.Map, a plain copy) */
  readonly store: (value: T) => unknown;
  /** the value a new entry gets when its operation gives none (the reader's default too) */
  readonly initial: T;
  /** written by newEntry even when it reads as its absence (an older migration reads absence) */
  readonly always?: true;
  /** flat kinds: the members' keys in the entry start with this (`partner:`) */
  readonly prefix?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table mixes value types
export type Fields = Readonly<Record<string, Field<any>>>;
export type ValueOf<F> = F extends Field<infer T> ? T : never;
/** The plain values of a table's fields, in the table's order. */
export type Values<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };

/** A nested map of entries: the key names the entry in the snapshot (`id`, `orgId`, `period`). */
export interface Collection<K extends string, F extends Fields> {
  readonly keyName: K;
  readonly keySchema: z.ZodType<string>;
  /** whether a map key can name an entry; others are skipped */
  readonly validKey: (key: string) => boolean;
  readonly fields: F;
  /** the order a snapshot lists the entries in */
  readonly compare: (a: Entry<K, F>, b: Entry<K, F>) => number;
}
export type Entry<K extends string, F extends Fields> = { -readonly [P in K]: string } & Values<F>;

type Shape<F extends Fields> = { -readonly [K in keyof F]: F[K]['schema'] };

/** The zod object of a table's fields (the snapshot's invariants). */
export function schemaOf<F extends Fields>(fields: F): z.ZodObject<Shape<F>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(fields)) shape[name] = field.schema;
  return z.object(shape as Shape<F>);
}

/** The zod object of a collection's entries: the key, then the fields. */
export function entrySchemaOf<K extends string, F extends Fields>(
  collection: Collection<K, F>,
): z.ZodObject<{ [P in K]: z.ZodType<string> } & Shape<F>> {
  const shape: Record<string, z.ZodType> = { [collection.keyName]: collection.keySchema };
  for (const [name, field] of Object.entries(collection.fields)) shape[name] = field.schema;
  return z.object(shape) as unknown as z.ZodObject<{ [P in K]: z.ZodType<string> } & Shape<F>>;
}

/** Reads every field of a table from an entry; null when a required field is missing. */
export function readFields<F extends Fields>(fields: F, entry: StoredEntry): Values<F> | null {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const value = field.read(entry.get(name), entry);
    if (value === MISSING) return null;
    out[name] = value;
  }
  return out as Values<F>;
}

/** Reads one entry of a collection, its key first (the snapshot's key order). */
export function readEntry<K extends string, F extends Fields>(
  collection: Collection<K, F>,
  entry: StoredEntry,
): Entry<K, F> | null {
  if (!collection.validKey(entry.key)) return null;
  const fields = readFields(collection.fields, entry);
  return fields ? ({ [collection.keyName]: entry.key, ...fields } as Entry<K, F>) : null;
}

/** A Y.Map seen as a stored entry. */
export function mapEntry(key: string, map: Y.Map<unknown>): StoredEntry {
  return { key, get: (field) => map.get(field), keys: () => map.keys() };
}

function recordEntry(key: string, record: Record<string, unknown>): StoredEntry {
  return { key, get: (field) => record[field], keys: () => Object.keys(record) };
}

/** The field of a table a stored key belongs to (a flat member's key names its field). */
export function fieldOfStoredKey(fields: Fields, key: string): string {
  for (const [name, field] of Object.entries(fields)) {
    if (field.prefix !== undefined && key.startsWith(field.prefix)) return name;
  }
  return key;
}

/** The stored keys and values of a field's value: flat kinds give one pair per member. */
function storedPairs(name: string, field: Field<unknown>, value: unknown): [string, unknown][] {
  if (field.prefix === undefined) return [[name, field.store(value)]];
  const members = field.store(value) as Record<string, unknown>;
  return Object.entries(members).map(([member, stored]) => [field.prefix + member, stored]);
}

/** The stored form of a table's values, as a plain object (a record). */
export function storeRecord<F extends Fields>(
  fields: F,
  values: Values<F>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) out[name] = field.store(values[name]);
  return out;
}

/** Writes every field of a table into a map: the given values, the initial one for the rest. */
export function writeFields<F extends Fields>(
  map: Y.Map<unknown>,
  fields: F,
  values: Partial<Values<F>>,
): void {
  for (const [name, field] of Object.entries(fields)) {
    const value = values[name] !== undefined ? values[name] : field.initial;
    if (field.prefix !== undefined) writeField(map, fields, name, value);
    else map.set(name, field.store(value));
  }
}

/** Kinds a new entry always holds: created with it, so two replicas never create two. */
const CREATED_WITH_ENTRY: ReadonlySet<FieldKind> = new Set(['text', 'entities', 'records']);

/** Whether the reader tells a stored value from a missing one (deep, for lists and records). */
function readsAsMissing(field: Field<unknown>, stored: unknown, entry: StoredEntry): boolean {
  return JSON.stringify(field.read(stored, entry)) === JSON.stringify(field.read(undefined, entry));
}

/**
 * A new entry's map with its table's fields, nested containers and texts created with it; a
 * plain field that would read the same when missing (its default) is not written (LAYOUT.md:
 * a third of a document was defaults). Edits write every value, defaults included.
 */
export function newEntry<F extends Fields>(fields: F, values: Partial<Values<F>>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  // Read against the values written so far (a field may read a sibling: `updatedAt`), with
  // no key: a reader that uses the key reads it the same way for a stored and a missing value.
  const written = new Map<string, unknown>();
  const entry: StoredEntry = {
    key: '',
    get: (name) => written.get(name),
    keys: () => written.keys(),
  };
  for (const [name, field] of Object.entries(fields)) {
    const value = values[name] !== undefined ? values[name] : field.initial;
    if (field.prefix !== undefined) {
      // flat members: an empty set or collection writes nothing
      for (const [key, stored] of storedPairs(name, field, value)) map.set(key, stored);
      continue;
    }
    const stored = field.store(value);
    const sparse = !field.always && !CREATED_WITH_ENTRY.has(field.kind);
    if (sparse && readsAsMissing(field, stored, entry)) continue;
    written.set(name, stored);
    map.set(name, stored);
  }
  return map;
}

/**
 * Changes one field of an existing entry: a Y.Text by the smallest edit (so concurrent edits
 * elsewhere in it survive), anything else replaced.
 */
export function writeField<F extends Fields, K extends keyof F & string>(
  map: Y.Map<unknown>,
  fields: F,
  name: K,
  value: ValueOf<F[K]>,
): void {
  const field = fields[name]!;
  if (field.kind === 'text') setText(map, name, value as string);
  else if (field.prefix !== undefined) {
    // a whole flat value replaced: members it lacks go, from the schema-2 container too
    const pairs = new Map(storedPairs(name, field, value));
    for (const key of [...map.keys()])
      if (key.startsWith(field.prefix) && !pairs.has(key)) map.delete(key);
    const legacy = asMap(map.get(name));
    for (const member of [...(legacy?.keys() ?? [])])
      if (!pairs.has(field.prefix + member)) legacy!.delete(member);
    for (const [key, stored] of pairs) map.set(key, stored);
  } else map.set(name, field.store(value));
}

/**
 * The members of a flat field in an entry's map, read and written by member. Reads take in the
 * schema-2 nested container under the field's name too (late writes of an older replica, until
 * migration 3 folds them); a removal removes the member from both.
 */
export interface FlatMembers {
  has(member: string): boolean;
  get(member: string): unknown;
  set(member: string, stored: unknown): void;
  delete(member: string): void;
  /** members with their stored value, the flat key's winning over the old container's */
  entries(): [string, unknown][];
}

export function flatMembers(
  map: Y.Map<unknown>,
  name: string,
  field: Pick<Field<unknown>, 'prefix'>,
): FlatMembers {
  const prefix = field.prefix;
  if (prefix === undefined) throw new Error(`${name} is not a flat field`);
  const legacy = () => asMap(map.get(name));
  const get = (member: string) => {
    const value = map.get(prefix + member);
    return value !== undefined ? value : legacy()?.get(member);
  };
  return {
    has: (member) => get(member) !== undefined,
    get,
    set: (member, stored) => map.set(prefix + member, stored),
    delete: (member) => {
      if (map.has(prefix + member)) map.delete(prefix + member);
      const old = legacy();
      if (old?.has(member)) old.delete(member);
    },
    entries: () => flatEntries(mapEntry('', map), map.get(name), prefix),
  };
}

/** A flat field's members: the schema-2 container's (`legacy`), then the entry's flat keys. */
function flatEntries(entry: StoredEntry, legacy: unknown, prefix: string): [string, unknown][] {
  const found = new Map<string, unknown>();
  const old = asMap(legacy);
  for (const [member, value] of old?.entries() ?? []) found.set(member, value);
  for (const key of entry.keys()) {
    if (key.startsWith(prefix)) found.set(key.slice(prefix.length), entry.get(key));
  }
  return [...found];
}

// Field kinds. Each builder states the reader's default and the schema's limits together.

/** What a text field holds, whether stored as a Y.Text or a plain string. */
export function textOf(value: unknown): string {
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** A Y.Text of at most `max` characters (read from a plain string too). */
export function text(max: number): Field<string> {
  return {
    kind: 'text',
    schema: z.string().max(max),
    read: (stored) => cut(textOf(stored), max),
    store: newText,
    initial: '',
  };
}

/** A plain string of at most `max` characters (read from a Y.Text too); empty when missing. */
export function string(
  max = Infinity,
  schema: z.ZodType<string> = boundedString(max),
): Field<string> {
  return {
    kind: 'string',
    schema,
    read: (stored) => cut(textOf(stored), max),
    store: (value) => value,
    initial: '',
  };
}

function boundedString(max: number): z.ZodType<string> {
  return Number.isFinite(max) ? z.string().max(max) : z.string();
}

/** A plain string read only while `present` holds a timestamp (who deleted, while deleted). */
export function stringWhile(present: string): Field<string | null> {
  return {
    kind: 'string',
    schema: z.string().nullable(),
    read: (stored, entry) => (readTimestamp(entry.get(present)) ? textOf(stored) : null),
    store: (value) => value,
    initial: null,
  };
}

/** The id of another entry (an objective, an organisation), or null. */
export function reference(): Field<string | null> {
  return {
    kind: 'string',
    schema: Id.nullable(),
    read: readId,
    store: (value) => value,
    initial: null,
  };
}

/** A fractional index key (order.ts); empty when missing. */
export function orderKey(): Field<string> {
  return {
    kind: 'string',
    schema: z.string(),
    read: (stored) => (typeof stored === 'string' ? stored : ''),
    store: (value) => value,
    initial: '',
  };
}

/** An ISO date or null. */
export function date(): Field<string | null> {
  return {
    kind: 'date',
    schema: IsoDate.nullable(),
    read: readDate,
    store: (value) => value,
    initial: null,
  };
}

/** An ISO date without which the entry is skipped. */
export function requiredDate(): Field<string> {
  return {
    kind: 'date',
    schema: IsoDate,
    read: (stored) => readDate(stored) ?? MISSING,
    store: (value) => value,
    initial: '',
  };
}

/** A timestamp or null. */
export function timestamp(): Field<string | null> {
  return {
    kind: 'timestamp',
    schema: IsoTimestamp.nullable(),
    read: readTimestamp,
    store: (value) => value,
    initial: null,
  };
}

/**
 * A timestamp that must exist: a missing one reads as `fallback`'s (when stored as null or
 * absent), a broken one as the epoch.
 */
export function requiredTimestamp(fallback?: string): Field<string> {
  return {
    kind: 'timestamp',
    schema: IsoTimestamp,
    read: (stored, entry) =>
      readRequiredTimestamp(fallback === undefined ? stored : (stored ?? entry.get(fallback))),
    store: (value) => value,
    initial: readRequiredTimestamp(null),
  };
}

/** One of a closed set; anything else reads as `fallback`. */
export function choice<T extends string>(allowed: readonly T[], fallback: T): Field<T> {
  return {
    kind: 'choice',
    schema: z.enum(allowed as [T, ...T[]]) as unknown as z.ZodType<T>,
    read: (stored) => (allowed.includes(stored as T) ? (stored as T) : fallback),
    store: (value) => value,
    initial: fallback,
  };
}

/** One of a closed set, or null (anything else). */
export function optionalChoice<T extends string>(allowed: readonly T[]): Field<T | null> {
  return {
    kind: 'choice',
    schema: (z.enum(allowed as [T, ...T[]]) as unknown as z.ZodType<T>).nullable(),
    read: (stored) => (allowed.includes(stored as T) ? (stored as T) : null),
    store: (value) => value,
    initial: null,
  };
}

/** A whole percentage 0-100; anything else reads as the nearest, or 0. */
export function percent(): Field<number> {
  return {
    kind: 'number',
    schema: z.number().int().min(0).max(100),
    read: readPercent,
    store: (value) => value,
    initial: 0,
  };
}

function finite(stored: unknown, min: number): number | null {
  return typeof stored === 'number' && Number.isFinite(stored) && stored >= min ? stored : null;
}

/** A finite number not below `min`, or null. */
export function number(min = -Infinity): Field<number | null> {
  const base = z.number().finite();
  return {
    kind: 'number',
    schema: (Number.isFinite(min) ? base.min(min) : base).nullable(),
    read: (stored) => finite(stored, min),
    store: (value) => value,
    initial: null,
  };
}

/** A finite number without which the entry is skipped. */
export function requiredNumber(): Field<number> {
  return {
    kind: 'number',
    schema: z.number().finite(),
    read: (stored) => finite(stored, -Infinity) ?? MISSING,
    store: (value) => value,
    initial: 0,
  };
}

/**
 * A set stored as flat keys `<prefix><member>` → true of its entry, read sorted with the members
 * of the schema-2 Y.Map under the field's name (LAYOUT.md: no nested container to create twice).
 */
export function flatSet(
  prefix: string,
  schema: z.ZodType<string>,
  member: (key: string) => boolean = () => true,
): Field<string[]> {
  return {
    kind: 'flatSet',
    prefix,
    schema: z.array(schema),
    read: (stored, entry) =>
      flatEntries(entry, stored, prefix)
        .filter(([key, value]) => value === true && member(key))
        .map(([key]) => key)
        .sort(),
    store: (value) => Object.fromEntries(value.map((key) => [key, true])),
    initial: [],
  };
}

/**
 * Records stored as flat keys `<prefix><key>` → plain object of their entry, read as a sorted
 * list with those of the schema-2 Y.Map under the field's name.
 */
export function flatRecords<K extends string, F extends Fields>(
  prefix: string,
  collection: Collection<K, F>,
): Field<Entry<K, F>[]> {
  return {
    kind: 'flatRecords',
    prefix,
    schema: z.array(entrySchemaOf(collection)) as unknown as z.ZodType<Entry<K, F>[]>,
    read: (stored, entry) => {
      const out: Entry<K, F>[] = [];
      for (const [key, raw] of flatEntries(entry, stored, prefix)) {
        const found = asRecord(raw);
        const read = found === null ? null : readEntry(collection, recordEntry(key, found));
        if (read) out.push(read);
      }
      return out.sort(collection.compare);
    },
    store: (list) =>
      Object.fromEntries(
        list.map((entry) => [entry[collection.keyName], storeRecord(collection.fields, entry)]),
      ),
    initial: [],
  };
}

/** A plain array of strings, replaced whole; `read` says which stored members count. */
export function list<T extends string>(
  schema: z.ZodType<T>,
  read: (stored: readonly unknown[]) => T[],
  initial: T[] = [],
): Field<T[]> {
  return {
    kind: 'list',
    schema: z.array(schema),
    read: (stored) => (Array.isArray(stored) ? read(stored) : [...initial]),
    store: (value) => [...value],
    initial,
  };
}

/** A plain object of fields, replaced whole, or null; null too when a required field is missing. */
export function record<F extends Fields>(fields: F): Field<Values<F> | null> {
  return {
    kind: 'record',
    schema: schemaOf(fields).nullable() as unknown as z.ZodType<Values<F> | null>,
    read: (stored) => {
      const found = asRecord(stored);
      return found ? readFields(fields, recordEntry('', found)) : null;
    },
    store: (value) => (value ? storeRecord(fields, value) : null),
    initial: null,
  };
}

/** A nested Y.Map<key, Y.Map> of entities, read as a sorted list. */
export function entities<K extends string, F extends Fields>(
  collection: Collection<K, F>,
): Field<Entry<K, F>[]> {
  return nestedMap('entities', collection, asMap, mapEntry, (entry) =>
    newEntry(collection.fields, entry),
  );
}

/** A nested Y.Map<key, plain object> of records, read as a sorted list. */
export function records<K extends string, F extends Fields>(
  collection: Collection<K, F>,
): Field<Entry<K, F>[]> {
  return nestedMap('records', collection, asRecord, recordEntry, (entry) =>
    storeRecord(collection.fields, entry),
  );
}

function nestedMap<K extends string, F extends Fields, S>(
  kind: FieldKind,
  collection: Collection<K, F>,
  as: (raw: unknown) => S | null,
  entryOf: (key: string, stored: S) => StoredEntry,
  storeEntry: (entry: Entry<K, F>) => unknown,
): Field<Entry<K, F>[]> {
  return {
    kind,
    schema: z.array(entrySchemaOf(collection)) as unknown as z.ZodType<Entry<K, F>[]>,
    read: (stored) => {
      const map = asMap(stored);
      if (!map) return [];
      const out: Entry<K, F>[] = [];
      for (const [key, raw] of map.entries()) {
        const found = as(raw);
        const entry = found === null ? null : readEntry(collection, entryOf(key, found));
        if (entry) out.push(entry);
      }
      return out.sort(collection.compare);
    },
    store: (list) => {
      const map = new Y.Map<unknown>();
      for (const entry of list) map.set(entry[collection.keyName], storeEntry(entry));
      return map;
    },
    initial: [],
  };
}

/** A nested map's entries, keyed by `keyName` (a key `validKey` refuses is skipped). */
export function collection<K extends string, F extends Fields>(
  keyName: K,
  keySchema: z.ZodType<string>,
  validKey: (key: string) => boolean,
  fields: F,
  compare: (a: Entry<K, F>, b: Entry<K, F>) => number,
): Collection<K, F> {
  return { keyName, keySchema, validKey, fields, compare };
}

/** Entries keyed by an id, which must be a valid id. */
export function byId<F extends Fields>(
  fields: F,
  compare: (a: Entry<'id', F>, b: Entry<'id', F>) => number,
): Collection<'id', F> {
  return collection('id', Id, (key) => readId(key) !== null, fields, compare);
}
