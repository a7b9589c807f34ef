import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/frameworks/types';
import { createI18n } from '../../shared/i18n';
import { MENU_COMMANDS } from '../../shared/contracts/ipc';
import {
  ALL_COMMANDS,
  redo,
  removeAction,
  TABLE_COMMANDS,
  undo,
  type TableContext,
} from './commands';
import { commandOfKey, perform, type KeyPress } from './registry';

function press(key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
}

/** The table's context with every effect recorded. */
function table(state: Partial<TableContext> = {}) {
  const done: string[] = [];
  const context: TableContext = {
    canEdit: true,
    editing: false,
    actionId: 'a1',
    objectiveId: 'o1',
    cellEditable: true,
    canMove: () => true,
    startEditing: () => done.push('edit'),
    openAction: (id) => done.push(`open ${id}`),
    addAction: (objectiveId) => done.push(`add to ${objectiveId}`),
    moveRow: (direction) => done.push(`move ${direction}`),
    ...state,
  };
  return { context, done };
}

/** What a key does in the table: the effects it calls, and whether the page keeps the key. */
function keyInTable(key: KeyPress, state: Partial<TableContext> = {}) {
  const { context, done } = table(state);
  const command = commandOfKey(TABLE_COMMANDS, key, context);
  command?.perform(context);
  return { done, handled: command !== undefined };
}

describe('the table keys', () => {
  it.each([
    ['Enter on an editable cell edits it', press('Enter'), {}, ['edit']],
    ['F2 on an editable cell edits it', press('F2'), {}, ['edit']],
    ['Shift+Enter edits too', press('Enter', { shiftKey: true }), {}, ['edit']],
    [
      'Enter on a cell that cannot be edited opens the details',
      press('Enter'),
      { cellEditable: false },
      ['open a1'],
    ],
    ['Enter for a viewer opens the details', press('Enter'), { canEdit: false }, ['open a1']],
    ['O opens the details', press('o'), {}, ['open a1']],
    ['Shift+O opens the details', press('O', { shiftKey: true }), {}, ['open a1']],
    ['O for a viewer opens the details', press('o'), { canEdit: false }, ['open a1']],
    ['N adds an action to the cursor’s objective', press('n'), {}, ['add to o1']],
    [
      'N outside any objective',
      press('N', { shiftKey: true }),
      { objectiveId: null },
      ['add to null'],
    ],
    ['N on an objective’s row', press('n'), { actionId: null }, ['add to o1']],
    ['Alt+↑ moves the row up', press('ArrowUp', { altKey: true }), {}, ['move -1']],
    ['Alt+↓ moves the row down', press('ArrowDown', { altKey: true }), {}, ['move 1']],
  ] as const)('%s', (_, key, state, expected) => {
    expect(keyInTable(key, state)).toEqual({ done: expected, handled: true });
  });

  it.each([
    ['Enter on an objective’s row', press('Enter'), { actionId: null }],
    ['O on an objective’s row', press('o'), { actionId: null }],
    ['N for a viewer', press('n'), { canEdit: false }],
    ['Ctrl+N (the browser’s)', press('n', { ctrlKey: true }), {}],
    ['Ctrl+O (the browser’s)', press('o', { ctrlKey: true }), {}],
    [
      'Alt+↑ where the row cannot move',
      press('ArrowUp', { altKey: true }),
      { canMove: () => false },
    ],
    ['a letter that is no command', press('x'), {}],
    ['an arrow (the cursor’s reducer moves it)', press('ArrowUp'), {}],
  ] as const)('%s does nothing and is left to the page', (_, key, state) => {
    expect(keyInTable(key, state)).toEqual({ done: [], handled: false });
  });

  it.each([
    press('Enter'),
    press('F2'),
    press('o'),
    press('n'),
    press('ArrowUp', { altKey: true }),
  ])('runs nothing while a cell is being edited: %j', (key) => {
    expect(keyInTable(key, { editing: true })).toEqual({ done: [], handled: false });
  });
});

describe('undo and redo', () => {
  const workspace = (canEdit: boolean) => {
    const done: string[] = [];
    return {
      done,
      context: { canEdit, undo: () => done.push('undo'), redo: () => done.push('redo') },
    };
  };
  it.each([
    [press('z', { ctrlKey: true }), ['undo']],
    [press('z', { metaKey: true }), ['undo']],
    [press('Z', { ctrlKey: true, shiftKey: true }), ['redo']],
    [press('y', { ctrlKey: true }), ['redo']],
    [press('Y', { ctrlKey: true, shiftKey: true }), ['redo']],
    [press('z'), []],
    [press('y', { altKey: true, ctrlKey: true }), []],
  ] as const)('%j → %j', (key, expected) => {
    const { done, context } = workspace(true);
    commandOfKey([undo, redo], key, context)?.perform(context);
    expect(done).toEqual(expected);
  });

  it('a viewer’s Ctrl+Z is left to the page', () => {
    const { context } = workspace(false);
    expect(commandOfKey([undo, redo], press('z', { ctrlKey: true }), context)).toBeUndefined();
  });
});

describe('move to trash', () => {
  it.each([
    [true, false, ['remove a1']],
    [false, false, []],
    [true, true, []],
  ] as const)(
    'for an editor %s, of an action in the trash %s: %j',
    (canEdit, removed, expected) => {
      const done: string[] = [];
      perform(removeAction, {
        canEdit,
        removed,
        actionId: 'a1',
        removeAction: (id) => done.push(`remove ${id}`),
      });
      expect(done).toEqual(expected);
    },
  );
});

describe('the registry', () => {
  it('has each id once', () => {
    const ids = ALL_COMMANDS.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('runs each desktop menu entry by exactly one command', () => {
    for (const name of Object.keys(MENU_COMMANDS)) {
      expect(ALL_COMMANDS.filter((command) => command.menu === name).length, name).toBe(1);
    }
  });

  for (const language of LANGUAGES) {
    it(`names every command in ${language}`, () => {
      const i18n = createI18n(language);
      const english = createI18n('en');
      for (const command of ALL_COMMANDS) {
        expect(i18n.exists(command.label, { ns: 'ui' }), command.id).toBe(true);
        const text = i18n.t(command.label, { ns: 'ui' });
        expect(text.trim(), command.id).not.toBe('');
        if (language !== 'en')
          expect(text, command.id).not.toBe(english.t(command.label, { ns: 'ui' }));
      }
    });
  }
});
