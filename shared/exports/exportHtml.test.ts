import { describe, expect, it } from 'vitest';
import { exportPlan } from './exportPlan';
import { escapeHtml, html } from './safeHtml';
import { HOSTILE_TITLES, reportTestPlan, RUSSIAN_TITLE, TURKMEN_TITLE } from './reportTestPlan';

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
});
