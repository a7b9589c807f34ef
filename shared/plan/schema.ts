// The plain snapshot of a plan: the only shape exports, imports and React see (DESIGN.md, Rules).
// Each schema guards an entrance (imports, JSON files) and documents the snapshot's invariants.
import { z } from 'zod';
import { LANGUAGES } from '../frameworks/types';
import {
  ACTION_STAGE_LIST,
  ACTION_STATUS_LIST,
  INDICATOR_FREQUENCY_LIST,
  MAX_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  ORG_KIND_LIST,
  PRIORITY_LIST,
} from './model';

/** `YYYY-MM-DD` naming a real calendar day. */
export const IsoDate = z.iso.date();
/** An ISO 8601 timestamp in UTC, as `Date.toISOString()` writes it. */
export const IsoTimestamp = z.iso.datetime();

const Id = z.string().min(1).max(100);
const Title = z.string().max(MAX_TITLE_LENGTH);
const LongText = z.string().max(MAX_TEXT_LENGTH);

export const Endorsement = z.object({ orgId: Id, by: z.string(), at: IsoTimestamp });
export type Endorsement = z.infer<typeof Endorsement>;

export const IndicatorValue = z.object({
  /** the period or date measured: `2025`, `2025-Q3`, `2025-06`, or an ISO date */
  period: z.string().min(1).max(20),
  value: z.number().finite(),
  note: LongText,
  by: z.string(),
  at: IsoTimestamp,
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const Indicator = z.object({
  id: Id,
  name: Title,
  unit: z.string().max(MAX_LENGTH.unit),
  baseline: z.number().finite().nullable(),
  target: z.number().finite().nullable(),
  frequency: z.enum(INDICATOR_FREQUENCY_LIST),
  /** in time order (periods.ts comparePeriods); the last is the latest */
  values: z.array(IndicatorValue),
});
export type Indicator = z.infer<typeof Indicator>;

export const Budget = z.object({
  amount: z.number().finite().nonnegative().nullable(),
  currency: z.string().max(MAX_LENGTH.currency),
  source: z.string().max(MAX_TITLE_LENGTH),
});
export type Budget = z.infer<typeof Budget>;

export const Comment = z.object({
  id: Id,
  authorId: z.string(),
  authorName: z.string(),
  at: IsoTimestamp,
  text: LongText,
  editedAt: IsoTimestamp.nullable(),
  deletedAt: IsoTimestamp.nullable(),
});
export type Comment = z.infer<typeof Comment>;

export const ProgressUpdate = z.object({
  id: Id,
  /** the day the report speaks for */
  at: IsoDate,
  authorId: z.string(),
  authorName: z.string(),
  status: z.enum(ACTION_STATUS_LIST),
  progress: z.number().int().min(0).max(100),
  note: LongText,
  /** links to evidence (documents, photos, reports) */
  evidence: z.array(z.string().max(MAX_LENGTH.evidence)),
});
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

export const Action = z.object({
  id: Id,
  /** human-readable code, unique in the plan (duplicates from concurrent edits are resolved) */
  ref: z.string().min(1).max(40),
  title: Title,
  description: LongText,
  objectiveId: Id.nullable(),
  order: z.string(),
  leadOrgId: Id.nullable(),
  /** sorted */
  partnerOrgIds: z.array(Id),
  contact: z.string().max(MAX_TITLE_LENGTH),
  start: IsoDate.nullable(),
  deadline: IsoDate.nullable(),
  status: z.enum(ACTION_STATUS_LIST),
  progress: z.number().int().min(0).max(100),
  stage: z.enum(ACTION_STAGE_LIST),
  /** sorted by organisation id */
  endorsements: z.array(Endorsement),
  priority: z.enum(PRIORITY_LIST).nullable(),
  /** framework link keys `frameworkId:code`, sorted */
  links: z.array(z.string().min(3)),
  indicators: z.array(Indicator),
  budget: Budget.nullable(),
  /** sorted by time */
  comments: z.array(Comment),
  /** sorted by date */
  updates: z.array(ProgressUpdate),
  createdAt: IsoTimestamp,
  createdBy: z.string(),
  updatedAt: IsoTimestamp,
  updatedBy: z.string(),
  deletedAt: IsoTimestamp.nullable(),
  deletedBy: z.string().nullable(),
});
export type Action = z.infer<typeof Action>;

export const Objective = z.object({
  id: Id,
  title: Title,
  order: z.string(),
  deletedAt: IsoTimestamp.nullable(),
});
export type Objective = z.infer<typeof Objective>;

export const Organisation = z.object({
  id: Id,
  name: Title,
  kind: z.enum(ORG_KIND_LIST),
  country: z.string().max(MAX_LENGTH.country),
  contact: z.string().max(MAX_TITLE_LENGTH),
});
export type Organisation = z.infer<typeof Organisation>;

const LocalisedText = z.object({
  en: z.string(),
  ru: z.string().optional(),
  tk: z.string().optional(),
});

export const CustomFrameworkItem = z.object({
  code: z.string().min(1).max(40),
  kind: z.enum(['section', 'chapter', 'item', 'target', 'indicator', 'principle']),
  parent: z.string().optional(),
  /** the text as the plan's owners entered it, in `en` whatever its language */
  title: LocalisedText,
});

export const CustomFramework = z.object({
  id: Id,
  name: LocalisedText,
  shortName: LocalisedText,
  version: z.string().max(MAX_LENGTH.version),
  source: z.object({ title: z.string().max(MAX_TITLE_LENGTH) }),
  languages: z.array(z.enum(LANGUAGES)),
  coverageKinds: z.array(z.string()),
  items: z.array(CustomFrameworkItem),
  origin: z.literal('plan'),
});
export type CustomFramework = z.infer<typeof CustomFramework>;

export const PlanMeta = z.object({
  schemaVersion: z.number().int().nonnegative(),
  id: z.string(),
  title: Title,
  summary: LongText,
  country: z.string().max(MAX_LENGTH.country),
  period: z.object({ start: IsoDate, end: IsoDate }).nullable(),
  languages: z.array(z.enum(LANGUAGES)),
  /** ids of the frameworks this plan reports against */
  frameworks: z.array(z.string()),
  createdAt: IsoTimestamp.nullable(),
});
export type PlanMeta = z.infer<typeof PlanMeta>;

export const PlanSnapshot = z.object({
  meta: PlanMeta,
  /** sorted by order; includes removed objectives (deletedAt set) */
  objectives: z.array(Objective),
  /** in reading order: by objective, then order; includes soft-deleted actions */
  actions: z.array(Action),
  /** sorted by name */
  orgs: z.array(Organisation),
  customFrameworks: z.array(CustomFramework),
});
export type PlanSnapshot = z.infer<typeof PlanSnapshot>;
