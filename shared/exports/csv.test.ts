import { describe, expect, it } from 'vitest';
import { formatCsv, neutraliseCell, restoreCell, UTF8_BOM } from './csv';

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'quoted", "''quoted"],
    ['plain', 'plain'],
    ['Işçiler ňž', 'Işçiler ňž'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutralises %j as %j and restores it', (text, neutral) => {
    expect(neutraliseCell(text)).toBe(neutral);
    expect(restoreCell(neutraliseCell(text))).toBe(text);
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    [-5, '-5'],
    [60, '60'],
    [null, ''],
  ] as const)('writes %j as %j', (value, expected) => {
    expect(formatCsv(['a'], [[value]])).toBe(`${UTF8_BOM}a\r\n${expected}\r\n`);
  });

  it('starts with a UTF-8 BOM and ends rows with CRLF', () => {
    expect(formatCsv(['a', 'b'], [['x', 1]])).toBe(`${UTF8_BOM}a,b\r\nx,1\r\n`);
  });
});
