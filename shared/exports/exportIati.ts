// The plan's results as an IATI 2.03 activity file (https://iatistandard.org): one activity for
// the plan, one result per action that has indicators, each indicator with its baseline, a period
// per value recorded (period-start, period-end, actual) and references to the SDG indicators the
// action links to (vocabulary 9). Element order follows iati-activities-schema.xsd, which the
// test validates against. Written by hand rather than with an XML library: the file is a fixed
// tree of a few element kinds, and escaping is the one thing to get right (xmlText).
import { parseLinkKey, SDGS_FRAMEWORK_ID } from '../frameworks';
import type { OrgKind } from '../plan/model';
import { periodDays } from '../plan/periods';
import type { Action, Indicator, Organisation } from '../plan/schema';
import type { ReportScope } from './reportScope';
import { escapeHtml } from './safeHtml';

export const IATI_VERSION = '2.03';

/**
 * IATI wants `reporting-org/@ref` as {registration agency}-{number}; an organisation registered
 * with no agency asks the IATI Technical Team for an XI-IATI identifier. The plan has no setting
 * for it yet, so this stands in, marked in the file, to be replaced before publishing.
 */
export const PLACEHOLDER_ORGANISATION_REF = 'XI-IATI-PLACEHOLDER';

/** IATI ResultType 1: output. */
const RESULT_OUTPUT = '1';
/** IATI IndicatorMeasure 1: unit. */
const MEASURE_UNIT = '1';
/** IATI IndicatorVocabulary 9: UN Sustainable Development Goals indicators. */
const SDG_INDICATOR_VOCABULARY = '9';
/** IATI OrganisationRole 4: implementing. */
const ROLE_IMPLEMENTING = '4';
/** IATI OrganisationRole 2: accountable. */
const ROLE_ACCOUNTABLE = '2';
/** IATI OrganisationType 90: other (the placeholder reporting organisation). */
const ORGANISATION_OTHER = '90';
/** IATI ActivityDateType: planned start and end. */
const PLANNED_START = '1';
const PLANNED_END = '3';
/** IATI ActivityStatus: pipeline, implementation, finalisation. */
const STATUS_PIPELINE = '1';
const STATUS_IMPLEMENTATION = '2';
const STATUS_FINALISATION = '3';

/** IATI OrganisationType per kind; none where the kind does not say (a donor may be either). */
const ORGANISATION_TYPES: Record<OrgKind, string | null> = {
  government: '10',
  business: '70',
  international: '40',
  // national human-rights institutions are public bodies outside the government
  nhri: '15',
  civil_society: '22',
  donor: null,
  other: '90',
};

/** The SDG frameworks whose indicator codes (8.7.1) are UN SDG indicators. */
const SDG_FRAMEWORK_IDS: ReadonlySet<string> = new Set(['sdg8', SDGS_FRAMEWORK_ID]);

// Characters XML 1.0 does not allow anywhere, even escaped: C0 controls but tab, line feed and
// carriage return; lone surrogates; U+FFFE and U+FFFF.
const NOT_IN_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in XML content and quoted attributes: escaped, characters XML forbids dropped. */
export function xmlText(text: string): string {
  return escapeHtml(text.replace(NOT_IN_XML, ''));
}

type Attributes = Record<string, string | number | null | undefined>;

function element(name: string, attributes: Attributes, children: readonly string[] = []): string {
  const attrs = Object.entries(attributes)
    .filter(
      (entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined,
    )
    .map(([key, value]) => ` ${key}="${xmlText(String(value))}"`)
    .join('');
  return children.length === 0
    ? `<${name}${attrs}/>`
    : `<${name}${attrs}>${children.join('')}</${name}>`;
}

function narrative(text: string): string {
  return `<narrative>${xmlText(text)}</narrative>`;
}

function status(scope: ReportScope): string {
  const period = scope.snapshot.meta.period;
  const today = scope.context.today;
  if (period && today < period.start) return STATUS_PIPELINE;
  if (period && today > period.end) return STATUS_FINALISATION;
  return STATUS_IMPLEMENTATION;
}

function activityDates(scope: ReportScope): string[] {
  const period = scope.snapshot.meta.period;
  if (!period) {
    // A planned start is required; without a plan period the plan's creation stands for it.
    return [
      element('activity-date', {
        type: PLANNED_START,
        'iso-date': (scope.snapshot.meta.createdAt ?? scope.context.today).slice(0, 10),
      }),
    ];
  }
  return [
    element('activity-date', { type: PLANNED_START, 'iso-date': period.start }),
    element('activity-date', { type: PLANNED_END, 'iso-date': period.end }),
  ];
}

function participatingOrgs(scope: ReportScope, reportingOrg: string): string[] {
  const involved = new Set(
    scope.actions.flatMap((action) => [action.leadOrgId, ...action.partnerOrgIds]),
  );
  const orgs = scope.snapshot.orgs.filter((org: Organisation) => involved.has(org.id));
  if (orgs.length === 0) {
    return [
      element('participating-org', { ref: PLACEHOLDER_ORGANISATION_REF, role: ROLE_ACCOUNTABLE }, [
        narrative(reportingOrg),
      ]),
    ];
  }
  return orgs.map((org) =>
    element('participating-org', { role: ROLE_IMPLEMENTING, type: ORGANISATION_TYPES[org.kind] }, [
      narrative(org.name),
    ]),
  );
}

/** The UN SDG indicator codes an action links to, through SDG 8 or the 17 SDGs, once each. */
function sdgIndicatorCodes(action: Action): string[] {
  const codes = new Set<string>();
  for (const key of action.links) {
    const link = parseLinkKey(key);
    if (link && SDG_FRAMEWORK_IDS.has(link.frameworkId) && link.code.split('.').length === 3)
      codes.add(link.code);
  }
  return [...codes];
}

function indicatorElement(
  scope: ReportScope,
  action: Action,
  indicator: Indicator,
  sdgCodes: readonly string[],
): string {
  const { baseline, target } = indicator;
  // Values in time order (the snapshot's); a period with days this cannot read is left out.
  const values = indicator.values.flatMap((value) => {
    const days = periodDays(value.period);
    return days ? [{ value, days }] : [];
  });
  const children = [
    element('title', {}, [
      narrative(indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name),
    ]),
    ...sdgCodes.map((code) => element('reference', { vocabulary: SDG_INDICATOR_VOCABULARY, code })),
  ];
  if (baseline !== null) {
    // The plan records no baseline date: the year the action (or the plan, or the first value)
    // starts stands for it.
    const from =
      action.start ??
      scope.snapshot.meta.period?.start ??
      values[0]?.days.from ??
      scope.context.today;
    children.push(element('baseline', { year: Number(from.slice(0, 4)), value: baseline }));
  }
  // The plan has one target per indicator: it goes with the last period measured, or with the
  // plan's period when nothing is measured yet.
  values.forEach(({ value, days }, index) => {
    const last = index === values.length - 1;
    children.push(
      element('period', {}, [
        element('period-start', { 'iso-date': days.from }),
        element('period-end', { 'iso-date': days.to }),
        ...(last && target !== null ? [element('target', { value: target })] : []),
        element(
          'actual',
          { value: value.value },
          value.note.trim() ? [element('comment', {}, [narrative(value.note)])] : [],
        ),
      ]),
    );
  });
  const planPeriod = scope.snapshot.meta.period;
  if (values.length === 0 && target !== null && planPeriod) {
    children.push(
      element('period', {}, [
        element('period-start', { 'iso-date': planPeriod.start }),
        element('period-end', { 'iso-date': planPeriod.end }),
        element('target', { value: target }),
      ]),
    );
  }
  return element(
    'indicator',
    {
      measure: MEASURE_UNIT,
      ascending: baseline !== null && target !== null ? String(target >= baseline) : null,
    },
    children,
  );
}

function resultElement(scope: ReportScope, action: Action): string {
  const sdgCodes = sdgIndicatorCodes(action);
  return element('result', { type: RESULT_OUTPUT, 'aggregation-status': 'false' }, [
    element('title', {}, [narrative(`${action.ref} ${action.title}`)]),
    ...(action.description.trim()
      ? [element('description', {}, [narrative(action.description)])]
      : []),
    ...action.indicators.map((indicator) => indicatorElement(scope, action, indicator, sdgCodes)),
  ]);
}

/** The plan's results as an IATI 2.03 activity file, UTF-8. */
export function exportIati(scope: ReportScope, generatedAt: string): Uint8Array {
  const { snapshot, context } = scope;
  const { meta } = snapshot;
  const reportingOrg = context.t('iati.placeholderOrganisation');
  const country = /^[A-Z]{2}$/.test(meta.country) ? meta.country : null;
  const activity = element(
    'iati-activity',
    { 'xml:lang': context.language, 'last-updated-datetime': generatedAt },
    [
      element('iati-identifier', {}, [xmlText(`${PLACEHOLDER_ORGANISATION_REF}-${meta.id}`)]),
      element('reporting-org', { ref: PLACEHOLDER_ORGANISATION_REF, type: ORGANISATION_OTHER }, [
        narrative(reportingOrg),
      ]),
      element('title', {}, [narrative(meta.title)]),
      element('description', {}, [narrative(meta.summary.trim() ? meta.summary : meta.title)]),
      ...participatingOrgs(scope, reportingOrg),
      element('activity-status', { code: status(scope) }),
      ...activityDates(scope),
      ...(country ? [element('recipient-country', { code: country, percentage: 100 })] : []),
      ...scope.actions
        .filter((action) => action.indicators.length > 0)
        .map((action) => resultElement(scope, action)),
    ],
  );
  const file =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    // a comment may not contain '--'
    `<!-- ${xmlText(context.t('iati.placeholderNote', { ref: PLACEHOLDER_ORGANISATION_REF })).replaceAll('--', '- -')} -->\n` +
    element('iati-activities', { version: IATI_VERSION, 'generated-datetime': generatedAt }, [
      activity,
    ]) +
    '\n';
  return new TextEncoder().encode(file);
}
