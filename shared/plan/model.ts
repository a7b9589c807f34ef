// Names and closed sets of the plan document (one Y.Doc per plan). The string values
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
export const SCHEMA_VERSION = 3;

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

/**
 * The fields an operation can refuse a value for, each with the English name its error message
 * uses. A PlanError names one of these (PlanErrorDetail), so the UI can say which field in the
 * user's language (i18n `errors.field.*`).
 */
export const PLAN_FIELDS = {
  title: 'title',
  name: 'name',
  description: 'description',
  contact: 'contact',
  ref: 'ref',
  start: 'start',
  deadline: 'deadline',
  status: 'status',
  stage: 'stage',
  progress: 'progress',
  priority: 'priority',
  budgetAmount: 'budget amount',
  currency: 'currency',
  budgetSource: 'budget source',
  comment: 'comment',
  shortName: 'short name',
  version: 'version',
  source: 'source',
  kind: 'kind',
  parent: 'parent',
  period: 'period',
  value: 'value',
  note: 'note',
  unit: 'unit',
  baseline: 'baseline',
  target: 'target',
  frequency: 'frequency',
  summary: 'summary',
  country: 'country',
  language: 'language',
  periodStart: 'period start',
  periodEnd: 'period end',
  date: 'date',
  evidence: 'evidence',
} as const;
export type PlanField = keyof typeof PLAN_FIELDS;

/**
 * The longest value of each bounded text field, in UTF-16 code units (what an input's maxLength
 * counts). The one source of these limits: validate.ts refuses longer values, schema.ts checks
 * snapshots against them and the UI's inputs take their maxLength from here.
 */
export const MAX_LENGTH = {
  title: MAX_TITLE_LENGTH,
  name: MAX_TITLE_LENGTH,
  contact: MAX_TITLE_LENGTH,
  budgetSource: MAX_TITLE_LENGTH,
  source: MAX_TITLE_LENGTH,
  description: MAX_TEXT_LENGTH,
  comment: MAX_TEXT_LENGTH,
  note: MAX_TEXT_LENGTH,
  summary: MAX_TEXT_LENGTH,
  /** a human-readable code such as `2.3`; longer is not a code */
  ref: 36,
  /** an ISO 4217 code or a short local name */
  currency: 10,
  country: 100,
  unit: 50,
  shortName: 100,
  version: 100,
  /** a framework item's code */
  parent: 40,
  /** one evidence link (a URL) */
  evidence: 2000,
} as const satisfies Partial<Record<PlanField, number>>;
export type BoundedField = keyof typeof MAX_LENGTH;

/** At most this many evidence links in one progress update. */
export const MAX_EVIDENCE_LINKS = 50;
