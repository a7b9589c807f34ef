import { describe, expect, it } from 'vitest';
import { personName } from './personName';

const ME_ID = '6f1c2a9e-0b7d-4c1e-9a52-3d8e7f6a5b41';
const OTHER_ID = 'a2b4c6d8-1e3f-4a5b-8c7d-9e0f1a2b3c4d';
const labels = { you: 'You', unnamed: 'Unnamed' };

describe('personName', () => {
  it.each([
    ['my entry shows my name', { id: ME_ID, name: '' }, { id: ME_ID, name: 'Aýna' }, 'Aýna'],
    ['my entry without a name is "You"', { id: ME_ID, name: '' }, { id: ME_ID, name: '' }, 'You'],
    [
      'my older entry that recorded a raw id is "You"',
      { id: ME_ID, name: ME_ID.slice(0, 8) },
      { id: ME_ID, name: '  ' },
      'You',
    ],
    [
      'someone else shows their recorded name',
      { id: OTHER_ID, name: 'Merdan' },
      { id: ME_ID, name: 'Aýna' },
      'Merdan',
    ],
    [
      'someone else without a name is unnamed',
      { id: OTHER_ID, name: '' },
      { id: ME_ID, name: '' },
      'Unnamed',
    ],
    [
      'someone else whose raw id was recorded is unnamed',
      { id: OTHER_ID, name: OTHER_ID.slice(0, 8) },
      { id: ME_ID, name: '' },
      'Unnamed',
    ],
  ])('%s', (_name, person, me, expected) => {
    expect(personName(person, me, labels)).toBe(expected);
  });
});
