import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasCommand as has } from '../../tests/support/commands';
import { exportPlan } from './exportPlan';
import { formatDate } from '../i18n';
import { createI18n } from '../i18n';
import { ACTION_STATUS_LIST } from '../plan/model';
import * as actions from '../plan/actions';
import { reportContext } from './reportContext';
import { UNDRAWABLE_MARK } from './undrawable';
import {
  EVIDENCE_URL,
  HOSTILE_NOTES,
  reportTestPlanWithNotes,
  RUSSIAN_TITLE,
  TURKMEN_TITLE,
  UPDATE_NOTES,
} from './reportTestPlan';

const poppler = has('pdftotext') && has('pdftoppm') && has('pdffonts') && has('pdfinfo');
const folder = mkdtempSync(join(tmpdir(), 'accord-pdf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function pdfFile(language: 'en' | 'ru' | 'tk', name: string) {
  const snapshot = reportTestPlanWithNotes({ hostile: true }).snapshot();
  const file = await exportPlan(snapshot, {
    format: 'pdf',
    language,
    today: '2025-06-15',
    period: { from: '2025-01-01', to: '2025-06-30' },
  });
  const path = join(folder, name);
  writeFileSync(path, file.bytes);
  return { path, bytes: file.bytes };
}

describe('PDF report', () => {
  it('is a PDF', async () => {
    const { bytes } = await pdfFile('en', 'magic.pdf');
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
  });

  // poppler-utils turns the PDF into text and page images; without it these checks cannot run,
  // so they are skipped, and the suite's name says why: never passed without looking.
  const suite = poppler
    ? 'read back with poppler'
    : 'SKIPPED: poppler-utils (pdftotext, pdftoppm, pdffonts) is not installed';
  describe.skipIf(!poppler)(suite, () => {
    it('embeds DejaVu Sans, regular and bold, with a ToUnicode map and nothing else', async () => {
      const { path } = await pdfFile('en', 'fonts.pdf');
      const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2);
      expect(fonts).toHaveLength(2);
      expect(fonts.join('\n')).toMatch(/DejaVuSans-Bold/);
      // columns: … emb sub uni
      for (const line of fonts) expect(line).toMatch(/DejaVuSans.*\byes\s+\w+\s+yes\b/);
    });

    it.each([
      ['ru', 'Отчёт о выполнении', 'Страница 1 из', 'Поддерживать экономический рост'],
      ['tk', 'Ýerine ýetiriliş barada hasabat', 'Sahypa 1 /', 'ykdysady ösüşi'],
      ['en', 'Implementation report', 'Page 1 of', 'Sustain per capita economic growth'],
    ] as const)(
      'contains the Cyrillic and Turkmen titles exactly (%s)',
      async (language, reportTitle, pageLabel, sdgText) => {
        const { path } = await pdfFile(language, `${language}.pdf`);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
        const flat = text.replace(/\s+/g, ' ');
        expect(flat).toContain(reportTitle);
        expect(flat).toContain(pageLabel);
        // SDG 8 texts in the reader's language; the UN's Russian spells й with a combining breve,
        // which the PDF must show (and give back) as the one letter.
        expect(flat).toContain(sdgText);
        // Long titles wrap inside their table cell; pdftotext gives the cell's lines in order,
        // so with line breaks read as spaces each title must be there exactly.
        expect(flat).toContain('Хлопок без принудительного труда');
        expect(flat).toContain(RUSSIAN_TITLE);
        expect(flat).toContain(TURKMEN_TITLE);
        expect(flat).toContain('ňžşýäöüç ŇŽŞÝÄÖÜÇ');
        expect(flat).toContain('<script>alert(1)</script>');
      },
    );

    it.each(['en', 'ru', 'tk'] as const)(
      'lists the progress updates of the period with dates, notes and evidence links (%s)',
      async (language) => {
        const { path } = await pdfFile(language, `updates-${language}.pdf`);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
        const flat = text.replace(/\s+/g, ' ');
        const heading = {
          en: 'Progress updates',
          ru: 'Отчёты о ходе выполнения',
          tk: 'Ýerine ýetirilişi barada hasabatlar',
        }[language];
        const section = flat.slice(flat.indexOf(heading));
        for (const { at, note } of [
          UPDATE_NOTES.english,
          UPDATE_NOTES.russian,
          UPDATE_NOTES.turkmen,
        ]) {
          expect(section).toContain(note);
          expect(section).toContain(formatDate(at, language));
        }
        for (const note of HOSTILE_NOTES) expect(section).toContain(note);
        expect(section).toContain(EVIDENCE_URL);
        expect(section).toContain('Half the regions');
        // outside the reporting period (the first half of 2025)
        for (const note of [UPDATE_NOTES.before.note, UPDATE_NOTES.after.note, 'Сезон сбора'])
          expect(flat).not.toContain(note);
        // evidence is a link too
        const urls = execFileSync('pdfinfo', ['-url', path], { encoding: 'utf8' });
        expect(urls).toContain(EVIDENCE_URL);
      },
    );

    it.each(['en', 'ru', 'tk'] as const)(
      'keeps every status word on one line in the tables (%s)',
      async (language) => {
        const { path } = await pdfFile(language, `status-${language}.pdf`);
        const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], {
          encoding: 'utf8',
        });
        const t = createI18n(language).t as unknown as (key: string) => string;
        const labels = ACTION_STATUS_LIST.map((status) => t(`plan:status.${status}`));
        // the test plan has planned, in-progress, completed and delayed actions
        for (const label of labels.slice(0, 4)) expect(layout).toContain(label);
        for (const label of labels) {
          // a label cut inside a word shows as its beginning followed by a column gap or a line
          // end (a two-word header may wrap at its space)
          for (let cut = 4; cut < label.length; cut++) {
            if (label[cut] === ' ' || label[cut - 1] === ' ') continue;
            const start = label.slice(0, cut).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            expect(layout).not.toMatch(new RegExp(`${start}(?= {2,}|\n)`));
          }
        }
      },
    );

    it.each(['en', 'ru', 'tk'] as const)(
      'marks text its fonts cannot draw and says so on the title page (%s)',
      async (language) => {
        const test = reportTestPlanWithNotes();
        actions.create(test.plan, { title: 'Interpreters مرحبا بالعالم for migrant workers ✅' });
        const pdfText = async (name: string, snapshot = test.snapshot()) => {
          const file = await exportPlan(snapshot, { format: 'pdf', language, today: '2025-06-15' });
          const path = join(folder, name);
          writeFileSync(path, file.bytes);
          return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], {
            encoding: 'utf8',
          }).replace(/\s+/g, ' ');
        };
        const note = reportContext(test.snapshot(), language, '2025-06-15')
          .t('undrawable', { count: 1 })
          .split(' ')
          .slice(0, 4)
          .join(' ');
        const marked = await pdfText(`undrawable-${language}.pdf`);
        expect(marked).toContain(
          `Interpreters ${UNDRAWABLE_MARK} ${UNDRAWABLE_MARK} for migrant workers ${UNDRAWABLE_MARK}`,
        );
        const titlePage = marked.slice(
          0,
          marked.indexOf(
            language === 'en' ? 'Page 1 of' : language === 'ru' ? 'Страница 1 из' : 'Sahypa 1 /',
          ),
        );
        expect(titlePage).toContain(note);
        const plain = await pdfText(
          `drawable-${language}.pdf`,
          reportTestPlanWithNotes().snapshot(),
        );
        expect(plain).not.toContain(note);
        expect(plain).not.toContain(UNDRAWABLE_MARK);
      },
    );

    it('renders every page to an image', async () => {
      const { path } = await pdfFile('tk', 'pages.pdf');
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      execFileSync('pdftoppm', ['-png', '-r', '40', path, join(folder, 'page')]);
      const images = readdirSync(folder).filter((n) => n.startsWith('page') && n.endsWith('.png'));
      expect(images).toHaveLength(pages);
    });
  });
});
