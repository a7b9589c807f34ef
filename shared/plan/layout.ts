// The plan document's layout, written once: one field table per entity, each field with its name
// in the document, its kind, its limits and its default, in the order a snapshot lists them.
// Reading (snapshot.ts), writing (the operations), restoring (restore.ts) and the schema
// (schema.ts) all derive from these tables, so a change of layout is a change here plus one
// idempotent migration (migrations.ts). Names are part of the file format.
import { z } from 'zod';
import { parseLinkKey } from '../frameworks';
import { LANGUAGES, type Language } from '../frameworks/types';
import { CUSTOM_ITEM_KINDS } from './customFrameworkLayout';
import {
  byId,
  choice,
  collection,
  date,
  entities,
  flatRecords,
  flatSet,
  Id,
  list,
  number,
  optionalChoice,
  orderKey,
  percent,
  record,
  records,
  reference,
  requiredDate,
  requiredNumber,
  requiredTimestamp,
  string,
  stringWhile,
  text,
  textOf,
  timestamp,
  type Field,
} from './fields';
import {
  ACTION_STAGE_LIST,
  ACTION_STATUS_LIST,
  INDICATOR_FREQUENCY_LIST,
  MAX_LENGTH,
  MAX_TITLE_LENGTH,
  ORG_KIND_LIST,
  PRIORITY_LIST,
} from './model';
import { comparePeriods } from './periods';
import { compareOrdered } from './order';
import { compareIds, readId } from './read';

/** The longest period key of an indicator value. */
const MAX_PERIOD_LENGTH = 20;

/** An action's ref as stored (trimmed and cut); an action without one reads `#` and its id. */
const ref: Field<string> = {
  kind: 'string',
  schema: z.string().min(1).max(40),
  read: (stored, entry) => {
    // Cut to MAX_LENGTH.ref so a duplicate's suffix (refs.ts) still fits the schema's 40.
    const trimmed = textOf(stored).trim().slice(0, MAX_LENGTH.ref);
    return trimmed.length > 0 ? trimmed : `#${entry.key.slice(0, 8)}`;
  },
  store: (value) => value,
  initial: '',
};

/** `endorsements`: which organisations back an action, keyed by organisation id. */
export const ENDORSEMENT = collection(
  'orgId',
  Id,
  (key) => readId(key) !== null,
  {
    /** the member who endorsed */
    by: string(),
    at: requiredTimestamp(),
  },
  (a, b) => compareIds(a.orgId, b.orgId),
);

/** An indicator's `values`: one measurement per period, keyed by the period. */
export const INDICATOR_VALUE = collection(
  'period',
  // the period or date measured: `2025`, `2025-Q3`, `2025-06`, or an ISO date
  z.string().min(1).max(MAX_PERIOD_LENGTH),
  (key) => key.length > 0 && key.length <= MAX_PERIOD_LENGTH,
  {
    /** an indicator value without a finite number is skipped */
    value: requiredNumber(),
    note: string(MAX_LENGTH.note),
    by: string(),
    at: requiredTimestamp(),
  },
  (a, b) => comparePeriods(a.period, b.period),
);

export const INDICATOR = byId(
  {
    name: string(MAX_LENGTH.name),
    unit: string(MAX_LENGTH.unit),
    baseline: number(),
    target: number(),
    frequency: choice(INDICATOR_FREQUENCY_LIST, 'annual'),
    /** in time order (periods.ts comparePeriods); the last is the latest */
    values: records(INDICATOR_VALUE),
  },
  (a, b) => a.name.localeCompare(b.name) || compareIds(a.id, b.id),
);

export const BUDGET = {
  amount: number(0),
  currency: string(MAX_LENGTH.currency),
  source: string(MAX_LENGTH.budgetSource),
};

export const COMMENT = byId(
  {
    authorId: string(),
    authorName: string(MAX_TITLE_LENGTH, z.string()),
    at: requiredTimestamp(),
    text: string(MAX_LENGTH.comment),
    editedAt: timestamp(),
    deletedAt: timestamp(),
  },
  (a, b) => compareIds(a.at, b.at) || compareIds(a.id, b.id),
);

export const PROGRESS_UPDATE = byId(
  {
    /** the day the report speaks for; an update without one is skipped */
    at: requiredDate(),
    authorId: string(),
    authorName: string(MAX_TITLE_LENGTH, z.string()),
    status: choice(ACTION_STATUS_LIST, 'planned'),
    progress: percent(),
    note: string(MAX_LENGTH.note),
    /** links to evidence (documents, photos, reports) */
    evidence: list(z.string().max(MAX_LENGTH.evidence), (stored) =>
      stored.filter(
        (link): link is string => typeof link === 'string' && link.length <= MAX_LENGTH.evidence,
      ),
    ),
  },
  (a, b) => compareIds(a.at, b.at) || compareIds(a.id, b.id),
);

export const ACTION = byId(
  {
    /** human-readable code, unique in the plan (duplicates from concurrent edits are resolved) */
    ref,
    title: text(MAX_LENGTH.title),
    description: text(MAX_LENGTH.description),
    objectiveId: reference(),
    order: orderKey(),
    leadOrgId: reference(),
    /** sorted */
    partnerOrgIds: flatSet('partner:', Id),
    contact: string(MAX_LENGTH.contact),
    start: date(),
    deadline: date(),
    status: choice(ACTION_STATUS_LIST, 'planned'),
    progress: percent(),
    /** workshop drafts are proposals until the plan's owners adopt them */
    // always written: migration 2 reads a missing stage as an adopted action's (`agreed`)
    stage: { ...choice(ACTION_STAGE_LIST, 'proposed'), always: true },
    /** sorted by organisation id */
    endorsements: flatRecords('endorsement:', ENDORSEMENT),
    priority: optionalChoice(PRIORITY_LIST),
    /** framework link keys `frameworkId:code`, sorted */
    links: flatSet('link:', z.string().min(3), (key) => parseLinkKey(key) !== null),
    indicators: entities(INDICATOR),
    budget: record(BUDGET),
    /** sorted by time */
    comments: entities(COMMENT),
    /** sorted by date */
    updates: entities(PROGRESS_UPDATE),
    createdAt: requiredTimestamp(),
    createdBy: string(),
    /** an action never edited reads its creation time */
    updatedAt: requiredTimestamp('createdAt'),
    updatedBy: string(),
    /** soft delete: restorable until purged */
    deletedAt: timestamp(),
    deletedBy: stringWhile('deletedAt'),
  },
  // The snapshot orders actions by objective, then order (snapshot.ts).
  compareOrdered,
);

export const OBJECTIVE = byId(
  {
    title: text(MAX_LENGTH.title),
    order: orderKey(),
    deletedAt: timestamp(),
  },
  compareOrdered,
);

export const ORGANISATION = byId(
  {
    name: string(MAX_LENGTH.name),
    kind: choice(ORG_KIND_LIST, 'other'),
    country: string(MAX_LENGTH.country),
    contact: string(MAX_LENGTH.contact),
  },
  (a, b) => a.name.localeCompare(b.name) || compareIds(a.id, b.id),
);

/** The `meta` map: the plan's own description. */
export const META = {
  /** a document that does not say reads as 0 (older than versioning; migrations.versionOf) */
  schemaVersion: {
    kind: 'number',
    schema: z.number().int().nonnegative(),
    read: (stored) =>
      typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0,
    store: (value) => value,
    initial: 0,
  } satisfies Field<number>,
  id: string(100, z.string()),
  title: text(MAX_LENGTH.title),
  summary: text(MAX_LENGTH.summary),
  country: string(MAX_LENGTH.country),
  period: record({ start: requiredDate(), end: requiredDate() }),
  languages: list(
    z.enum(LANGUAGES),
    (stored) => LANGUAGES.filter((language: Language) => stored.includes(language)),
    ['en'],
  ),
  /** ids of the frameworks this plan reports against */
  frameworks: list(z.string(), (stored) =>
    [...new Set(stored.filter((id): id is string => typeof id === 'string'))].sort(),
  ),
  createdAt: timestamp(),
};

/**
 * A plan-defined framework's header entry in `frameworks` (customFrameworkLayout.ts); the
 * snapshot's CustomFramework is a projection of it and its items (snapshot.ts).
 */
export const CUSTOM_FRAMEWORK = {
  name: string(MAX_LENGTH.name),
  /** empty reads as the name */
  shortName: string(MAX_LENGTH.shortName),
  version: string(MAX_LENGTH.version),
  sourceTitle: string(MAX_LENGTH.source),
};

/** An item entry of a plan-defined framework, under `${frameworkId}#${code}`. */
export const CUSTOM_FRAMEWORK_ITEM = {
  title: string(MAX_LENGTH.title),
  kind: choice(CUSTOM_ITEM_KINDS, 'item'),
  /** the code of the item it sits under; empty for none */
  parent: string(MAX_LENGTH.parent),
  order: orderKey(),
};
