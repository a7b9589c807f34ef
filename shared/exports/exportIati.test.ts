import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasCommand as has } from '../../tests/support/commands';
import * as actions from '../plan/actions';
import * as indicators from '../plan/indicators';
import * as links from '../plan/links';
import * as planMeta from '../plan/meta';
import { TestPlan } from '../plan/testing';
import { PLACEHOLDER_ORGANISATION_REF, xmlText } from './exportIati';
import { exportPlan } from './exportPlan';
import { HOSTILE_TITLES, reportTestPlan } from './reportTestPlan';

// The schema lives in the shared folder beside the repository, like the SDG reference copies.
const SCHEMA_URL = new URL(
  '../../../shared/reference/iati-2.03/iati-activities-schema.xsd',
  import.meta.url,
);
const SCHEMA = fileURLToPath(SCHEMA_URL);
const today = '2025-06-15';

const hasXmllint = has('xmllint');
const hasSchema = existsSync(SCHEMA);
const skipReason = !hasXmllint
  ? 'xmllint is not installed (Debian package libxml2-utils)'
  : !hasSchema
    ? `the IATI 2.03 schema is not at ${SCHEMA} (../shared/reference beside the repository)`
    : null;
const folder = mkdtempSync(join(tmpdir(), 'accord-iati-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
function write(bytes: Uint8Array): string {
  const path = join(folder, `plan-${++files}.xml`);
  writeFileSync(path, bytes);
  return path;
}

/** xmllint's verdict on the file against the schema: '' when valid, else its messages. */
function schemaErrors(path: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--schema', SCHEMA, path], { stdio: 'pipe' });
    return '';
  } catch (failure) {
    return String((failure as { stderr?: Buffer }).stderr ?? failure);
  }
}

function xpath(path: string, expression: string): string {
  try {
    return execFileSync('xmllint', ['--xpath', expression, path], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** The sample plan with an SDG indicator linked through each SDG framework and quarterly values. */
function resultsPlan(): TestPlan {
  const test = reportTestPlan();
  const action = test.snapshot().actions.find((a) => a.title === 'Labour inspection reform')!;
  links.link(test.plan, action.id, 'sdg8', '8.8.2');
  links.link(test.plan, action.id, 'sdg', '8.8.1');
  links.link(test.plan, action.id, 'sdg', '16.2');
  const indicatorId = action.indicators[0]!.id;
  indicators.recordValue(test.plan, action.id, indicatorId, {
    period: '2025-Q1',
    value: 120,
    note: 'Regions 1-3 & "pilot" <done>',
  });
  return test;
}

async function iatiOf(test: TestPlan, language: 'en' | 'ru' | 'tk' = 'en') {
  const file = await exportPlan(test.snapshot(), {
    format: 'iati',
    language,
    today,
    generatedAt: '2025-06-15T10:00:00.000Z',
  });
  return { file, text: new TextDecoder().decode(file.bytes) };
}

describe('IATI export', () => {
  it('is an IATI 2.03 activity file named for the plan', async () => {
    const { file, text } = await iatiOf(resultsPlan());
    expect(file.mimeType).toBe('application/xml');
    expect(file.fileName).toBe('National-action-plan-on-decent-work-en-2025-06-15.iati.xml');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text).toContain('<iati-activities version="2.03"');
    expect(text).toContain(`<reporting-org ref="${PLACEHOLDER_ORGANISATION_REF}" type="90">`);
    expect(text).toContain(
      `<iati-identifier>${PLACEHOLDER_ORGANISATION_REF}-plan-1</iati-identifier>`,
    );
  });

  it('gives each action with indicators a result: baseline, periods in time order, SDG references', async () => {
    const { text } = await iatiOf(resultsPlan());
    const result = text.slice(text.indexOf('<result '), text.indexOf('</result>'));
    expect(result).toContain('<narrative>1.1 Labour inspection reform</narrative>');
    expect(result).toContain('<indicator measure="1" ascending="true">');
    expect(result).toContain('<narrative>Inspectors trained (people)</narrative>');
    // SDG indicators only (16.2 is a target), once each, in the order of the action's links
    expect(
      [...result.matchAll(/<reference vocabulary="9" code="([^"]+)"\/>/g)].map((m) => m[1]),
    ).toEqual(['8.8.2', '8.8.1']);
    expect(result).toContain('<baseline year="2024" value="0"/>');
    expect([...result.matchAll(/<period-start iso-date="([^"]+)"\/>/g)].map((m) => m[1])).toEqual([
      '2024-01-01',
      '2025-01-01',
      '2025-01-01',
    ]);
    expect([...result.matchAll(/<period-end iso-date="([^"]+)"\/>/g)].map((m) => m[1])).toEqual([
      '2024-12-31',
      '2025-03-31',
      '2025-12-31',
    ]);
    expect([...result.matchAll(/<actual value="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '80',
      '120',
      '150',
    ]);
    // the one target goes with the last period
    expect([...result.matchAll(/<target value="([^"]+)"\/>/g)].map((m) => m[1])).toEqual(['200']);
    expect(result).toContain(
      '<comment><narrative>Regions 1-3 &amp; &quot;pilot&quot; &lt;done&gt;</narrative></comment>',
    );
    expect(text.match(/<result /g)).toHaveLength(1);
  });

  it.each([
    ['<', '&lt;'],
    ['&', '&amp;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['a\u0000b\u0007c\u001Fd', 'abcd'],
    ['tab\tline\nreturn\r', 'tab\tline\nreturn\r'],
    ['\uFFFE\uFFFF', ''],
    ['lone \uD800 surrogate \uDC00', 'lone  surrogate '],
    ['pair 😀', 'pair 😀'],
  ])('escapes or drops %j in text', (input, output) => {
    expect(xmlText(input)).toBe(output);
  });

  describe.skipIf(skipReason !== null)(
    skipReason === null
      ? 'against the IATI 2.03 schema (xmllint)'
      : `SKIPPED: against the IATI 2.03 schema: ${skipReason}`,
    () => {
      it.each(['en', 'ru', 'tk'] as const)('validates, with results, in %s', async (language) => {
        const path = write((await iatiOf(resultsPlan(), language)).file.bytes);
        expect(schemaErrors(path)).toBe('');
        expect(xpath(path, 'count(//result/indicator/period)')).toBe('3');
        expect(xpath(path, 'string(//iati-activity/@*[local-name()="lang"])')).toBe(language);
      });

      it('validates with hostile titles, notes and organisation names', async () => {
        const test = reportTestPlan({ hostile: true });
        const hostile = actions.create(test.plan, {
          title: `${HOSTILE_TITLES[0]} & "x" 'y' \u0001\u0008\u000B\u000C\u001F end`,
          description: ']]> <!-- --> <?pi?> &amp;',
        });
        const indicatorId = indicators.add(test.plan, hostile, {
          name: '<b>"inspectors"</b> & co\u0002',
          unit: '<%>',
          baseline: 10,
          target: 0,
        });
        indicators.recordValue(test.plan, hostile, indicatorId, {
          period: '2025-03-31',
          value: 5,
          note: '\u0000</narrative></comment><script/>',
        });
        planMeta.setTitle(test.plan, 'Plan <&> "quoted" \u0003');
        planMeta.setSummary(test.plan, '--> <!--');
        const path = write((await iatiOf(test)).file.bytes);
        expect(schemaErrors(path)).toBe('');
        expect(xpath(path, 'string(//iati-activity/title/narrative)')).toBe('Plan <&> "quoted"');
        expect(xpath(path, 'count(//indicator[@ascending="false"])')).toBe('1');
        expect(xpath(path, 'string(//actual[@value="5"]/comment/narrative)')).toBe(
          '</narrative></comment><script/>',
        );
      });

      it('validates for a plan with no indicators, no organisations and no period', async () => {
        const test = TestPlan.withActions(2);
        const { file, text } = await iatiOf(test);
        expect(text).not.toContain('<result');
        expect(schemaErrors(write(file.bytes))).toBe('');
        const empty = TestPlan.empty();
        expect(schemaErrors(write((await iatiOf(empty)).file.bytes))).toBe('');
      });
    },
  );
});
