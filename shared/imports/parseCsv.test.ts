import { describe, expect, it } from 'vitest';
import { CsvError, decodeText, detectDelimiter, parseCsv } from './parseCsv';

describe('parseCsv', () => {
  it.each([
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      '\uFEFFa,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a;b\n"x;y";2',
      [
        ['a', 'b'],
        ['x;y', '2'],
      ],
    ],
    [
      'a\tb\nx\ty',
      [
        ['a', 'b'],
        ['x', 'y'],
      ],
    ],
    [
      'a,b\n"two\nlines","say ""hi"""',
      [
        ['a', 'b'],
        ['two\nlines', 'say "hi"'],
      ],
    ],
    [
      'a,b\n\n1,\n',
      [
        ['a', 'b'],
        ['1', ''],
      ],
    ],
    [
      'Номер,Мероприятие\n1.1,Işçiler ňž',
      [
        ['Номер', 'Мероприятие'],
        ['1.1', 'Işçiler ňž'],
      ],
    ],
  ])('reads %j', (text, cells) => {
    expect(parseCsv(text).map((row) => row.cells)).toEqual(cells);
  });

  it('numbers rows by the line they start on', () => {
    expect(parseCsv('a\n"x\ny"\nz').map((row) => row.line)).toEqual([1, 2, 4]);
    expect(parseCsv('a\r\n"x\r\ny"\r\n\r\nz').map((row) => row.line)).toEqual([1, 2, 5]);
  });

  it.each([
    ['a,b;c', ','],
    ['a;b;c,d', ';'],
    ['"a;b",c', ','],
    ['a\tb\tc', '\t'],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('refuses an unclosed quote, saying where it opened', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(/line 2/);
  });

  it('refuses a quote inside a quoted field that is not doubled', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"say "hi""')).toThrow(/line 3: a quote inside/);
  });

  it('reads UTF-8, and Windows-1251 when the bytes are not UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFСрок'))).toBe('Срок');
    expect(decodeText(new Uint8Array([0xd1, 0xf0, 0xee, 0xea]))).toBe('Срок');
  });
});
