// Puts commands where the user reaches them outside a component's own key handler: their keys on
// the window (undo and redo work wherever the focus is) and their desktop menu entries
// (session/desktopEvents.ts). Each runs with the context of the latest render, when it applies.
import { useEffect, useEffectEvent } from 'react';
import { onMenuCommand } from '../session/desktopEvents';
import { commandOfKey, perform, type Command } from './registry';

/** `commands` must be the same array on every render (a module constant). */
export function useCommands<Context>(commands: readonly Command<Context>[], context: Context) {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const command = commandOfKey(commands, event, context);
    if (!command) return;
    command.perform(context);
    event.preventDefault();
  });
  const onMenu = useEffectEvent((command: Command<Context>) => perform(command, context));
  useEffect(() => {
    const stops = commands.flatMap((command) =>
      command.menu ? [onMenuCommand(command.menu, () => onMenu(command))] : [],
    );
    if (commands.some((command) => command.keys.length > 0)) {
      const listener = (event: KeyboardEvent) => onKey(event);
      window.addEventListener('keydown', listener);
      stops.push(() => window.removeEventListener('keydown', listener));
    }
    return () => stops.forEach((stop) => stop());
  }, [commands]);
}
