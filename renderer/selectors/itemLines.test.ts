import { expect, it } from 'vitest';
import { parseItemLines } from './itemLines';

it('reads pasted national plan items as code and title, one a line', () => {
  expect(parseItemLines('2.1 Labour inspection\n\n 2.2: Wage arrears \nIII')).toEqual([
    { code: '2.1', title: 'Labour inspection' },
    { code: '2.2', title: 'Wage arrears' },
    { code: 'III', title: 'III' },
  ]);
});
