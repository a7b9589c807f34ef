import { describe, expect, it } from 'vitest';
import { exportPlan } from './exportPlan';
import { escapeHtml, html } from './safeHtml';
import {
  EVIDENCE_URL,
  HOSTILE_NOTES,
  HOSTILE_TITLES,
  reportTestPlan,
  reportTestPlanWithNotes,
  RUSSIAN_TITLE,
  TURKMEN_TITLE,
  UPDATE_NOTES,
} from './reportTestPlan';
import { formatDate } from '../i18n';
import { allBuiltInFrameworks } from '../frameworks/all';
import { textIn } from '../frameworks';

async function reportPage(
  language: 'en' | 'ru' | 'tk',
  options: { period?: { from: string; to: string }; changesSince?: string } = {},
): Promise<string> {
  const snapshot = reportTestPlanWithNotes({ hostile: true }).snapshot();
  const file = await exportPlan(snapshot, {
    format: 'html',
    language,
    today: '2025-06-15',
    ...options,
  });
  return new TextDecoder().decode(file.bytes);
}

/** The page's "Progress updates" section, up to the next section. */
function updatesSection(page: string, heading: string): string {
  const start = page.indexOf(`<h2>${heading}</h2>`);
  expect(start).toBeGreaterThan(0);
  return page.slice(start, page.indexOf('<h2>', start + 1));
}

const UPDATES_HEADING = {
  en: 'Progress updates',
  ru: 'Отчёты о ходе выполнения',
  tk: 'Ýerine ýetirilişi barada hasabatlar',
} as const;

describe('HTML report', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["' onmouseover='x", '&#39; onmouseover=&#39;x'],
    ['a & b', 'a &amp; b'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
    expect(html`<p title="${text}">${text}</p>`.text).toBe(`<p title="${escaped}">${escaped}</p>`);
  });

  it.each(['en', 'ru', 'tk'] as const)(
    'escapes every hostile title and stays script-free (%s)',
    async (language) => {
      const snapshot = reportTestPlan({ hostile: true }).snapshot();
      const file = await exportPlan(snapshot, { format: 'html', language, today: '2025-06-15' });
      const page = new TextDecoder().decode(file.bytes);
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/<img/i);
      expect(page).not.toMatch(/onerror=alert\(1\)>/);
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      for (const title of HOSTILE_TITLES) expect(page).toContain(escapeHtml(title));
      expect(page).toContain(RUSSIAN_TITLE);
      expect(page).toContain(TURKMEN_TITLE);
      expect(page).toMatch(/Content-Security-Policy"\s+content="default-src 'none'/);
      expect(page).toContain('font-family: "DejaVu Sans"');
      expect(page.match(/<svg\b/g)).toHaveLength(4);
      expect(page).toContain(`<html lang="${language}">`);
    },
  );

  it.each(['en', 'ru', 'tk'] as const)(
    'lists every progress update of the whole plan with its date, status, note and evidence link (%s)',
    async (language) => {
      const section = updatesSection(await reportPage(language), UPDATES_HEADING[language]);
      for (const { at, note } of Object.values(UPDATE_NOTES)) {
        expect(section).toContain(escapeHtml(note));
        expect(section).toContain(formatDate(at, language));
      }
      expect(section).toContain(UPDATE_NOTES.russian.note);
      expect(section).toContain(UPDATE_NOTES.turkmen.note);
      expect(section).toContain('Сезон сбора');
      expect(section).toContain(
        `<a href="${EVIDENCE_URL}" rel="noopener noreferrer">${EVIDENCE_URL}</a>`,
      );
      // the action each update belongs to
      expect(section).toContain(`1.1 Labour inspection reform`);
      expect(section).toContain(`2.1 ${RUSSIAN_TITLE}`);
      // newest first within an action
      const order = ['after', 'english', 'before'] as const;
      const positions = order.map((key) => section.indexOf(UPDATE_NOTES[key].note));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    },
  );

  it('escapes hostile progress notes and evidence links', async () => {
    const section = updatesSection(await reportPage('en'), UPDATES_HEADING.en);
    expect(section).not.toMatch(/<script|<img/i);
    for (const note of HOSTILE_NOTES) expect(section).toContain(escapeHtml(note));
    expect(section).toContain('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;');
    expect(section).toContain('&quot;&gt;&lt;img src=y onerror=alert(2)&gt;');
    // the link's address is the parsed URL (percent-encoded), its text the evidence as written
    expect(section).toContain(
      '<a href="https://example.org/a?q=%22%3E%3Cimg%20src=x%20onerror=alert(3)%3E" rel="noopener noreferrer">',
    );
    expect(section).toContain('&quot;&gt;&lt;img src=x onerror=alert(3)&gt;</a>');
  });

  it('lists only the progress updates in the reporting period', async () => {
    const page = await reportPage('ru', { period: { from: '2025-01-01', to: '2025-06-30' } });
    const section = updatesSection(page, UPDATES_HEADING.ru);
    expect(section).toContain(UPDATE_NOTES.english.note);
    expect(section).toContain(UPDATE_NOTES.russian.note);
    expect(section).toContain(UPDATE_NOTES.turkmen.note);
    for (const note of [UPDATE_NOTES.before.note, UPDATE_NOTES.after.note, 'Сезон сбора'])
      expect(page).not.toContain(note);
  });

  it('in a "what changed since" report, lists only the updates since that date', async () => {
    const page = await reportPage('en', { changesSince: '2025-04-01' });
    const section = updatesSection(page, UPDATES_HEADING.en);
    expect(section).toContain('reported since the last report');
    for (const note of [UPDATE_NOTES.english.note, UPDATE_NOTES.russian.note, 'Half the regions'])
      expect(section).toContain(note);
    for (const note of [UPDATE_NOTES.turkmen.note, UPDATE_NOTES.before.note, 'Started'])
      expect(page).not.toContain(note);
  });

  it('shows each action’s latest update note under its title in the actions table', async () => {
    const page = await reportPage('en', { period: { from: '2025-01-01', to: '2025-06-30' } });
    const actions = updatesSection(page, 'Actions by objective');
    expect(actions).toContain(
      `Latest update ${formatDate(UPDATE_NOTES.english.at, 'en')}: ${UPDATE_NOTES.english.note}`,
    );
  });

  it('says so when the report has no progress updates', async () => {
    const snapshot = reportTestPlan().snapshot();
    const file = await exportPlan(snapshot, {
      format: 'html',
      language: 'en',
      today: '2025-06-15',
      period: { from: '2020-01-01', to: '2020-12-31' },
    });
    const section = updatesSection(new TextDecoder().decode(file.bytes), UPDATES_HEADING.en);
    expect(section).toContain('No progress updates.');
  });
});

describe('what a report says about its frameworks', () => {
  // what maintainers write in a framework's source notes, and no reader should see
  const DEVELOPER_TEXT = [
    /commit [0-9a-f]{7}/,
    /\.yml/,
    /Accord ships/,
    /\{en,ru,tk\}/,
    /sdg-translations/,
  ];

  it.each(['en', 'ru', 'tk'] as const)(
    'credits each framework in the report language, with no developer text (%s)',
    async (language) => {
      const page = await reportPage(language);
      for (const pattern of DEVELOPER_TEXT) expect(page).not.toMatch(pattern);
      const sdg8 = allBuiltInFrameworks.find((framework) => framework.id === 'sdg8')!;
      expect(page).toContain(escapeHtml(textIn(sdg8.source.credit!, language)));
    },
  );

  it('shows links by framework name and code, never by their stored key', async () => {
    const page = await reportPage('en');
    expect(page).not.toMatch(/sdg8:8\.\d|hrap-tm-2021:/);
  });
});
