// Names and closed sets of the plan document (DESIGN.md, "The plan document"). The string values
// are part of the file format: change them only with a migration.

/** The top-level shared types of a plan's Y.Doc. */
export const PLAN_PARTS = {
  /** Y.Map: schemaVersion, id, title (Y.Text), summary (Y.Text), country, period, languages, … */
  meta: 'meta',
  /** Y.Map<id, Y.Map>: outcome areas / pillars that group actions */
  objectives: 'objectives',
  /** Y.Map<id, Y.Map>: the plan's actions */
  actions: 'actions',
  /** Y.Map<id, Y.Map>: lead and partner organisations */
  orgs: 'orgs',
  /** Y.Map<id, Y.Map>: frameworks defined inside this plan (custom, or a national plan's items) */
  frameworks: 'frameworks',
} as const;

/** The schema version this code writes; migrations bring older documents up to it. */
export const SCHEMA_VERSION = 2;

export const ACTION_STATUSES = {
  /** not started yet */
  planned: 'planned',
  /** under way */
  in_progress: 'in_progress',
  /** done */
  completed: 'completed',
  /** behind schedule, said so by the people responsible */
  delayed: 'delayed',
  /** will not be done */
  cancelled: 'cancelled',
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;
export const ACTION_STATUS_LIST = Object.keys(ACTION_STATUSES) as ActionStatus[];

export const ACTION_STAGES = {
  /** drafted in a workshop, not yet adopted by the plan's owners */
  proposed: 'proposed',
  /** adopted */
  agreed: 'agreed',
} as const;
export type ActionStage = keyof typeof ACTION_STAGES;
export const ACTION_STAGE_LIST = Object.keys(ACTION_STAGES) as ActionStage[];

export const PRIORITIES = {
  high: 'high',
  medium: 'medium',
  low: 'low',
} as const;
export type Priority = keyof typeof PRIORITIES;
export const PRIORITY_LIST = Object.keys(PRIORITIES) as Priority[];

export const ORG_KINDS = {
  /** ministry, agency, local authority */
  government: 'government',
  /** company, employers' association */
  business: 'business',
  /** UN agency, OSCE, other intergovernmental body */
  international: 'international',
  /** national human-rights institution (ombudsperson) */
  nhri: 'nhri',
  /** NGO, trade union, academia */
  civil_society: 'civil_society',
  /** funder */
  donor: 'donor',
  other: 'other',
} as const;
export type OrgKind = keyof typeof ORG_KINDS;
export const ORG_KIND_LIST = Object.keys(ORG_KINDS) as OrgKind[];

export const INDICATOR_FREQUENCIES = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  semiannual: 'semiannual',
  annual: 'annual',
  /** measured once, at the end */
  once: 'once',
} as const;
export type IndicatorFrequency = keyof typeof INDICATOR_FREQUENCIES;
export const INDICATOR_FREQUENCY_LIST = Object.keys(INDICATOR_FREQUENCIES) as IndicatorFrequency[];

/** Longest title or name we accept; longer input is a paste gone wrong, not a title. */
export const MAX_TITLE_LENGTH = 500;
/** Longest description, note or comment. */
export const MAX_TEXT_LENGTH = 20_000;
