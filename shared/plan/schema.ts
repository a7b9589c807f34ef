// The plain snapshot of a plan: the only shape exports, imports and React see.
// Each schema guards an entrance (imports, JSON files) and documents the snapshot's invariants.
import { z } from 'zod';
import { LANGUAGES } from '../frameworks/types';
import { CUSTOM_ITEM_KINDS } from './customFrameworkLayout';
import { entrySchemaOf, Id, schemaOf } from './fields';
import {
  ACTION,
  BUDGET,
  COMMENT,
  ENDORSEMENT,
  INDICATOR,
  INDICATOR_VALUE,
  META,
  OBJECTIVE,
  ORGANISATION,
  PROGRESS_UPDATE,
} from './layout';
import { MAX_LENGTH, MAX_TITLE_LENGTH } from './model';

export { IsoDate, IsoTimestamp } from './fields';

// The entities' schemas come from their field tables (layout.ts), one per entity.
export const Endorsement = entrySchemaOf(ENDORSEMENT);
export type Endorsement = z.infer<typeof Endorsement>;

export const IndicatorValue = entrySchemaOf(INDICATOR_VALUE);
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const Indicator = entrySchemaOf(INDICATOR);
export type Indicator = z.infer<typeof Indicator>;

export const Budget = schemaOf(BUDGET);
export type Budget = z.infer<typeof Budget>;

export const Comment = entrySchemaOf(COMMENT);
export type Comment = z.infer<typeof Comment>;

export const ProgressUpdate = entrySchemaOf(PROGRESS_UPDATE);
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

export const Action = entrySchemaOf(ACTION);
export type Action = z.infer<typeof Action>;

export const Objective = entrySchemaOf(OBJECTIVE);
export type Objective = z.infer<typeof Objective>;

export const Organisation = entrySchemaOf(ORGANISATION);
export type Organisation = z.infer<typeof Organisation>;

const LocalisedText = z.object({
  en: z.string(),
  ru: z.string().optional(),
  tk: z.string().optional(),
});

export const CustomFrameworkItem = z.object({
  code: z.string().min(1).max(40),
  kind: z.enum(CUSTOM_ITEM_KINDS),
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

export const PlanMeta = schemaOf(META);
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
