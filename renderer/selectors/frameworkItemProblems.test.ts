import { describe, expect, it } from 'vitest';
import { previewFrameworkItems } from '../../shared/imports/importFrameworkItems';
import { itemProblemKind } from './frameworkItemProblems';

describe('a framework item line the import could not take, in the user’s words', () => {
  it.each([
    ['1 Civil rights\njust words', 'bad_line', 'badLine'],
    ['1 Civil rights\n1 Again', 'duplicate_code', 'duplicate'],
    [`1 ${'x'.repeat(1000)}`, 'bad_title', 'badTitle'],
    ['code,title\nwith space,Title', 'bad_code', 'badCode'],
    ['code,title,kind\n1,Title,pillar', 'bad_kind', 'badKind'],
  ] as const)('%j → %s → %s', (text, code, expected) => {
    const { problems } = previewFrameworkItems(text);
    expect(problems.map((problem) => problem.code)).toEqual([code]);
    expect(problems.map(itemProblemKind)).toEqual([expected]);
  });

  it('reads the code, never the English message', () => {
    const [problem] = previewFrameworkItems('code,title,kind\n1,Title,pillar').problems;
    expect(itemProblemKind({ ...problem!, message: 'code 1 is listed twice' })).toBe('badKind');
  });
});
