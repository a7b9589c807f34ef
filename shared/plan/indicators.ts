// An action's indicators (the results framework donors read): baseline, target, frequency and
// dated values, one value per period.
import type * as Y from 'yjs';
import { action, nested, touch } from './actionEntries';
import { newEntry, storeRecord, writeField } from './fields';
import { INDICATOR, INDICATOR_VALUE } from './layout';
import { INDICATOR_FREQUENCY_LIST, type IndicatorFrequency } from './model';
import { change, entry, nowIso, type Plan } from './plan';
import * as validate from './validate';

export interface IndicatorFields {
  readonly name: string;
  readonly unit?: string;
  readonly baseline?: number | null;
  readonly target?: number | null;
  readonly frequency?: IndicatorFrequency;
}

/** A period: a year, a quarter, a month or a day. */
const PERIOD = /^\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2])(-\d{2})?)?$/;

export function add(plan: Plan, actionId: string, input: IndicatorFields): string {
  const map = action(plan, actionId);
  checkFields(input);
  validate.requiredTitle(input.name, 'name');
  const id = plan.newId();
  change(plan, () => {
    const indicator = newEntry(INDICATOR.fields, {
      name: input.name.trim(),
      unit: input.unit,
      baseline: input.baseline,
      target: input.target,
      frequency: input.frequency,
    });
    nested(map, 'indicators').set(id, indicator);
    touch(plan, map);
  });
  return id;
}

export function edit(
  plan: Plan,
  actionId: string,
  indicatorId: string,
  changes: Partial<IndicatorFields>,
): void {
  const map = action(plan, actionId);
  const indicator = entry(
    nested(map, 'indicators') as Y.Map<Y.Map<unknown>>,
    indicatorId,
    'indicator',
  );
  checkFields(changes);
  if (changes.name !== undefined) validate.requiredTitle(changes.name, 'name');
  change(plan, () => {
    if (changes.name !== undefined)
      writeField(indicator, INDICATOR.fields, 'name', changes.name.trim());
    for (const key of ['unit', 'baseline', 'target', 'frequency'] as const) {
      const value = changes[key];
      if (value !== undefined) writeField(indicator, INDICATOR.fields, key, value);
    }
    touch(plan, map);
  });
}

export function remove(plan: Plan, actionId: string, indicatorId: string): void {
  const map = action(plan, actionId);
  const indicators = nested(map, 'indicators') as Y.Map<Y.Map<unknown>>;
  entry(indicators, indicatorId, 'indicator');
  change(plan, () => {
    indicators.delete(indicatorId);
    touch(plan, map);
  });
}

/** Records (or corrects) the value measured for a period. */
export function recordValue(
  plan: Plan,
  actionId: string,
  indicatorId: string,
  input: { period: string; value: number; note?: string },
): void {
  const map = action(plan, actionId);
  const indicator = entry(
    nested(map, 'indicators') as Y.Map<Y.Map<unknown>>,
    indicatorId,
    'indicator',
  );
  if (!PERIOD.test(input.period)) {
    throw validate.refuse(
      'period',
      'not_date',
      `must be a year, quarter (2025-Q3), half (2025-H1), month or date, not ${JSON.stringify(input.period)}`,
    );
  }
  validate.finiteNumber(input.value, 'value');
  if (input.note !== undefined) validate.longText(input.note, 'note');
  change(plan, () => {
    nested(indicator, 'values').set(
      input.period,
      storeRecord(INDICATOR_VALUE.fields, {
        value: input.value,
        note: input.note ?? '',
        by: plan.actor.id,
        at: nowIso(plan),
      }),
    );
    touch(plan, map);
  });
}

export function removeValue(
  plan: Plan,
  actionId: string,
  indicatorId: string,
  period: string,
): void {
  const map = action(plan, actionId);
  const indicator = entry(
    nested(map, 'indicators') as Y.Map<Y.Map<unknown>>,
    indicatorId,
    'indicator',
  );
  change(plan, () => {
    nested(indicator, 'values').delete(period);
    touch(plan, map);
  });
}

function checkFields(input: Partial<IndicatorFields>): void {
  if (input.unit !== undefined) validate.bounded(input.unit, 'unit');
  if (input.baseline !== undefined) validate.finiteNumber(input.baseline, 'baseline');
  if (input.target !== undefined) validate.finiteNumber(input.target, 'target');
  if (input.frequency !== undefined)
    validate.oneOf(input.frequency, INDICATOR_FREQUENCY_LIST, 'frequency');
}
