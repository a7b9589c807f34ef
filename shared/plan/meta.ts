// Operations on the plan's own description: title, summary, country, period, languages and the
// frameworks it reports against.
import { LANGUAGES, type Language } from '../frameworks/types';
import { SCHEMA_VERSION } from './model';
import { writeField, writeFields } from './fields';
import { META } from './layout';
import { change, nowIso, PlanError, planParts, type Plan } from './plan';
import * as validate from './validate';

/** The frameworks a new plan reports against unless told otherwise. */
const DEFAULT_FRAMEWORKS = ['sdg8', 'hrap-tm-2021'];

export interface NewPlanMeta {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly country?: string;
  readonly period?: { readonly start: string; readonly end: string } | null;
  readonly languages?: readonly Language[];
  readonly frameworks?: readonly string[];
}

/** Writes a new plan's meta; refuses a doc that already has one. */
export function initialise(plan: Plan, input: NewPlanMeta): void {
  validate.requiredTitle(input.title);
  if (input.period) checkPeriod(input.period);
  const meta = planParts(plan.doc).meta;
  if (meta.has('id')) throw new PlanError('conflict', 'this plan is already set up');
  change(plan, () => {
    writeFields(meta, META, {
      schemaVersion: SCHEMA_VERSION,
      id: input.id,
      title: input.title,
      summary: input.summary,
      country: input.country,
      period: input.period,
      languages: input.languages ? [...input.languages] : undefined,
      frameworks: [...(input.frameworks ?? DEFAULT_FRAMEWORKS)],
      createdAt: nowIso(plan),
    });
  });
}

export function setTitle(plan: Plan, title: string): void {
  validate.requiredTitle(title);
  change(plan, () => writeField(planParts(plan.doc).meta, META, 'title', title));
}

export function setSummary(plan: Plan, summary: string): void {
  validate.longText(summary, 'summary');
  change(plan, () => writeField(planParts(plan.doc).meta, META, 'summary', summary));
}

export function setCountry(plan: Plan, country: string): void {
  validate.bounded(country, 'country');
  change(plan, () => writeField(planParts(plan.doc).meta, META, 'country', country));
}

export function setPeriod(plan: Plan, period: { start: string; end: string } | null): void {
  if (period) checkPeriod(period);
  change(plan, () => writeField(planParts(plan.doc).meta, META, 'period', period));
}

export function setLanguages(plan: Plan, languages: readonly Language[]): void {
  if (languages.length === 0) throw new PlanError('invalid', 'a plan needs at least one language');
  for (const language of languages) validate.oneOf(language, LANGUAGES, 'language');
  change(plan, () =>
    writeField(planParts(plan.doc).meta, META, 'languages', [...new Set(languages)]),
  );
}

/** Marks a framework as one the plan reports against (or not). */
export function useFramework(plan: Plan, frameworkId: string, inUse: boolean): void {
  const meta = planParts(plan.doc).meta;
  const current = meta.get('frameworks');
  const ids = new Set(Array.isArray(current) ? current.filter((id) => typeof id === 'string') : []);
  if (inUse) ids.add(frameworkId);
  else ids.delete(frameworkId);
  change(plan, () => writeField(meta, META, 'frameworks', [...ids].sort()));
}

function checkPeriod(period: { start: string; end: string }): void {
  validate.date(period.start, 'periodStart');
  validate.date(period.end, 'periodEnd');
  validate.dateRange(period.start, period.end, 'the plan period', 'periodEnd');
}
