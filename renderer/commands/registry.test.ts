import { describe, expect, it } from 'vitest';
import {
  commandOfKey,
  isChord,
  keyShortcut,
  perform,
  type Command,
  type KeyPress,
} from './registry';

function press(key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
}

describe('isChord', () => {
  it.each([
    ['Ctrl+Z is Mod+Z', press('z', { ctrlKey: true }), { key: 'z', mod: true }, true],
    ['Cmd+Z is Mod+Z', press('z', { metaKey: true }), { key: 'z', mod: true }, true],
    [
      'a letter matches either case',
      press('Z', { ctrlKey: true, shiftKey: true }),
      { key: 'z', mod: true, shift: true },
      true,
    ],
    [
      'Shift held where the chord has none',
      press('Z', { ctrlKey: true, shiftKey: true }),
      { key: 'z', mod: true },
      false,
    ],
    ['Shift either way', press('N', { shiftKey: true }), { key: 'n', shift: 'any' }, true],
    ['no Shift either way', press('n'), { key: 'n', shift: 'any' }, true],
    [
      'Ctrl where the chord has none',
      press('n', { ctrlKey: true }),
      { key: 'n', shift: 'any' },
      false,
    ],
    [
      'Alt where the chord has none',
      press('z', { ctrlKey: true, altKey: true }),
      { key: 'z', mod: true },
      false,
    ],
    ['Alt+ArrowUp', press('ArrowUp', { altKey: true }), { key: 'ArrowUp', alt: true }, true],
    ['ArrowUp without Alt', press('ArrowUp'), { key: 'ArrowUp', alt: true }, false],
    ['a named key is not lowered', press('enter'), { key: 'Enter' }, false],
    ['another key', press('y', { ctrlKey: true }), { key: 'z', mod: true }, false],
  ] as const)('%s', (_, key, chord, expected) => {
    expect(isChord(key, chord)).toBe(expected);
  });
});

describe('commandOfKey', () => {
  const ran: string[] = [];
  const command = (id: string, key: string, applies: boolean): Command<{ on: boolean }> => ({
    id,
    label: 'toolbar.undo',
    keys: [{ key }],
    when: (context) => context.on === applies,
    perform: () => ran.push(id),
  });
  const commands = [command('first', 'Enter', true), command('second', 'Enter', false)];

  it('finds the first command of the key that applies', () => {
    expect(commandOfKey(commands, press('Enter'), { on: true })?.id).toBe('first');
    expect(commandOfKey(commands, press('Enter'), { on: false })?.id).toBe('second');
    expect(commandOfKey(commands, press('Escape'), { on: true })).toBeUndefined();
  });

  it('performs a command only where it applies', () => {
    ran.length = 0;
    expect(perform(commands[0]!, { on: false })).toBe(false);
    expect(perform(commands[0]!, { on: true })).toBe(true);
    expect(ran).toEqual(['first']);
  });
});

describe('keyShortcut', () => {
  const withKeys = (keys: Command<never>['keys']): Command<never> => ({
    id: 'x',
    label: 'toolbar.undo',
    keys,
    when: () => true,
    perform: () => {},
  });
  it.each([
    [[{ key: 'z', mod: true }], 'Control+Z'],
    [[{ key: 'z', mod: true, shift: true }], 'Control+Shift+Z'],
    [[{ key: 'n', shift: 'any' }], 'N'],
    [[{ key: 'ArrowUp', alt: true }], 'Alt+ArrowUp'],
    [[], undefined],
  ] as const)('%j → %s', (keys, expected) => {
    expect(keyShortcut(withKeys(keys))).toBe(expected);
  });
});
