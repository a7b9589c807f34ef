// Commands as objects: what a command is called (a key of the UI catalogue), the keys that run
// it, the desktop menu entry that runs it, when it applies and what it does. Whoever dispatches
// (a key handler, a button, a menu listener) gives the command a context: the state it decides
// on and the effects it calls, so a command itself is pure and tested with a stand-in context.
import type { ParseKeys } from 'i18next';
import type { MenuCommand } from '../../shared/contracts/ipc';

/** A key press as a KeyboardEvent (DOM or React) reports it. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/**
 * A key with its modifiers. `key` is KeyboardEvent.key; a letter matches either case. `mod` is
 * Ctrl, or Cmd on a Mac. A modifier not named must be up, except `shift` when it is 'any'.
 */
export interface Chord {
  readonly key: string;
  readonly mod?: boolean;
  readonly alt?: boolean;
  readonly shift?: boolean | 'any';
}

export interface Command<Context> {
  /** unique across the registry (commands.ts) */
  readonly id: string;
  /** the command's name, a key of the UI catalogue */
  readonly label: ParseKeys<'ui'>;
  readonly keys: readonly Chord[];
  /** the desktop menu entry that runs it (shared/contracts/ipc.ts MENU_COMMANDS) */
  readonly menu?: MenuCommand;
  /** whether it applies now: a key that runs no applicable command is left to the page */
  readonly when: (context: Context) => boolean;
  readonly perform: (context: Context) => void;
}

/** Whether `press` is `chord`. */
export function isChord(press: KeyPress, chord: Chord): boolean {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const wanted = chord.key.length === 1 ? chord.key.toLowerCase() : chord.key;
  return (
    key === wanted &&
    (press.ctrlKey || press.metaKey) === (chord.mod ?? false) &&
    press.altKey === (chord.alt ?? false) &&
    (chord.shift === 'any' || press.shiftKey === (chord.shift ?? false))
  );
}

/** The first of `commands` that `press` runs and that applies in `context`. */
export function commandOfKey<Context>(
  commands: readonly Command<Context>[],
  press: KeyPress,
  context: Context,
): Command<Context> | undefined {
  return commands.find(
    (command) => command.keys.some((chord) => isChord(press, chord)) && command.when(context),
  );
}

/** Runs `command` if it applies; returns whether it ran. */
export function perform<Context>(command: Command<Context>, context: Context): boolean {
  if (!command.when(context)) return false;
  command.perform(context);
  return true;
}

/** The command's first key as `aria-keyshortcuts` spells it ("Control+Shift+Z"). */
export function keyShortcut(command: Command<never>): string | undefined {
  const chord = command.keys[0];
  if (!chord) return undefined;
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return [chord.mod && 'Control', chord.alt && 'Alt', chord.shift === true && 'Shift', key]
    .filter(Boolean)
    .join('+');
}
