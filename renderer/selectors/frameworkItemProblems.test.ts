import { describe, expect, it } from 'vitest';
import { previewFrameworkItems } from '../../shared/imports/importFrameworkItems';
import { itemProblemKind } from './frameworkItemProblems';

describe('a framework item line the import could not take, in the user’s words', () => {
  it.each([
    ['1 Civil rights\njust words', 'badLine'],
    ['1 Civil rights\n1 Again', 'duplicate'],
    [`1 ${'x'.repeat(1000)}`, 'badTitle'],
    ['code,title\nwith space,Title', 'badCode'],
    ['code,title,kind\n1,Title,pillar', 'badKind'],
  ] as const)('%j → %s', (text, expected) => {
    const { problems } = previewFrameworkItems(text);
    expect(problems.map(itemProblemKind)).toEqual([expected]);
  });
});
