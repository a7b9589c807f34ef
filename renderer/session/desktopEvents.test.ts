import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpOrigin, listenToDesktop, onMenuCommand } from './desktopEvents';
import { DESKTOP_API_GLOBAL } from '../../shared/contracts/desktopGlobal';

describe('httpOrigin', () => {
  it.each([
    ['wss://accord.example.org/sync', 'https://accord.example.org'],
    ['ws://192.168.1.20:8787', 'http://192.168.1.20:8787'],
    ['https://accord.example.org', 'https://accord.example.org'],
  ])('%s → %s', (input, expected) => {
    expect(httpOrigin(input)).toBe(expected);
  });
});

describe('menu commands from the desktop shell', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reach the listeners of that command only, and unknown names reach none', () => {
    let send: (command: string) => void = () => {};
    vi.stubGlobal(DESKTOP_API_GLOBAL, {
      onMenuCommand: (listener: (command: string) => void) => {
        send = listener;
        return () => {};
      },
    });
    const stopDesktop = listenToDesktop(() => {});
    const undone: string[] = [];
    const stopUndo = onMenuCommand('undo', () => undone.push('undo'));
    const stopRedo = onMenuCommand('redo', () => undone.push('redo'));
    send('undo');
    send('toString');
    send('constructor');
    send('redo');
    stopUndo();
    send('undo');
    expect(undone).toEqual(['undo', 'redo']);
    stopRedo();
    stopDesktop();
  });
});
