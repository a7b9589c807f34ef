// What every report format needs besides the snapshot: the reader's language and words, the day
// the report speaks for, and look-ups from ids to the names people read.
import { linkLabel, parseLinkKey, type Framework, type Language } from '../frameworks';
import { allBuiltInFrameworks } from '../frameworks/all';
import { createI18n, formatDate, formatNumber } from '../i18n';
import type { Action, PlanSnapshot } from '../plan/schema';
import { frameworksOf, isUntitled } from '../plan/views';

export interface ReportContext {
  readonly language: Language;
  /** the day traffic lights and "overdue" are judged on, `YYYY-MM-DD` */
  readonly today: string;
  /** a report word (`column.ref`); plan vocabulary with the `plan:` prefix (`plan:status.completed`) */
  readonly t: (key: string, values?: Record<string, string | number>) => string;
  /** a date as the reader writes it, or the report's "none" mark */
  readonly date: (isoDate: string | null) => string;
  readonly number: (value: number, options?: Intl.NumberFormatOptions) => string;
  readonly orgName: (id: string | null) => string;
  readonly objectiveTitle: (id: string | null) => string;
  /** an action's title, or the reader's placeholder for an untitled one */
  readonly actionTitle: (action: Pick<Action, 'title'>) => string;
  /** built-in frameworks (with the items the plan entered) and the plan's own */
  readonly frameworks: readonly Framework[];
  /** a framework link key shown to people: `SDG 8 8.7` */
  readonly linkLabel: (key: string) => string;
}

export function reportContext(
  snapshot: PlanSnapshot,
  language: Language,
  today: string,
): ReportContext {
  const i18n = createI18n(language);
  // i18next's typed `t` overloads expect keys known at compile time; report keys are composed
  // (`plan:status.${status}`), so we call it through a plain signature, in the report namespace.
  const translate = i18n.t.bind(i18n) as unknown as (
    key: string,
    options: Record<string, unknown>,
  ) => string;
  const fixed = (key: string, values: Record<string, string | number> = {}): string =>
    String(translate(key, { ns: 'report', ...values }));
  const none = fixed('none');
  const untitled = fixed('plan:untitledAction');
  const dates = new Map<string, string>();
  const numbers = new Map<number, string>();
  const orgs = new Map(snapshot.orgs.map((org) => [org.id, org.name]));
  const objectives = new Map(snapshot.objectives.map((o) => [o.id, o.title]));
  const frameworks = frameworksOf(snapshot, allBuiltInFrameworks);
  const frameworksById = new Map(frameworks.map((framework) => [framework.id, framework]));
  return {
    language,
    today,
    t: fixed,
    date: (isoDate) => {
      if (!isoDate) return none;
      // formatDate builds an Intl formatter per call; a large report formats the same few
      // hundred days thousands of times.
      let text = dates.get(isoDate);
      if (text === undefined) dates.set(isoDate, (text = formatDate(isoDate, language)));
      return text;
    },
    number: (value, options) => {
      if (options) return formatNumber(value, language, options);
      // as with dates: one Intl formatter per call, and a report shows the same figures often
      let text = numbers.get(value);
      if (text === undefined) numbers.set(value, (text = formatNumber(value, language)));
      return text;
    },
    orgName: (id) => (id !== null ? (orgs.get(id) ?? id) : none),
    objectiveTitle: (id) => (id !== null ? (objectives.get(id) ?? none) : none),
    actionTitle: (action) => (isUntitled(action) ? untitled : action.title),
    frameworks,
    linkLabel: (key) => {
      const link = parseLinkKey(key);
      const framework = link && frameworksById.get(link.frameworkId);
      return link && framework ? linkLabel(framework, link.code, language) : key;
    },
  };
}
