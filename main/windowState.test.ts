import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitToDisplays, loadWindowState, saveWindowState, type Rectangle } from './windowState';

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 900 };
const projector: Rectangle = { x: 1440, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it.each([
    [
      'on the laptop',
      { x: 100, y: 80, width: 1000, height: 700 },
      [laptop],
      { x: 100, y: 80, width: 1000, height: 700 },
    ],
    [
      'on the projector while it is connected',
      { x: 1600, y: 100, width: 1200, height: 800 },
      [laptop, projector],
      { x: 1600, y: 100, width: 1200, height: 800 },
    ],
    [
      'on the projector after undocking: centred on the laptop',
      { x: 1600, y: 100, width: 1200, height: 800 },
      [laptop],
      { x: 120, y: 50, width: 1200, height: 800 },
    ],
    [
      'larger than the screen: shrunk to it',
      { x: 0, y: 0, width: 3000, height: 2000 },
      [laptop],
      { x: 0, y: 0, width: 1440, height: 900 },
    ],
    [
      'title bar above the screen: centred',
      { x: 100, y: -500, width: 1000, height: 700 },
      [laptop],
      { x: 120, y: 50, width: 1200, height: 800 },
    ],
  ])('opens a window stored %s where it can be seen', (_name, bounds, areas, expected) => {
    expect(fitToDisplays({ bounds, maximized: false }, areas, laptop).bounds).toEqual(expected);
  });

  it('centres a first window on the primary screen', () => {
    expect(fitToDisplays(null, [laptop], laptop)).toEqual({
      bounds: { x: 120, y: 50, width: 1200, height: 800 },
      maximized: false,
    });
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'accord-window-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads back what it saved', async () => {
      const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true };
      await saveWindowState(join(dir, 'window.json'), state);
      expect(await loadWindowState(join(dir, 'window.json'))).toEqual(state);
    });

    it.each([
      ['missing', null],
      ['not JSON', '{'],
      ['the wrong shape', '{"bounds":{"x":"a"},"maximized":1}'],
      ['absurdly small', '{"bounds":{"x":0,"y":0,"width":1,"height":1},"maximized":false}'],
    ])('ignores a state file that is %s', async (_name, content) => {
      if (content !== null) await writeFile(join(dir, 'window.json'), content);
      expect(await loadWindowState(join(dir, 'window.json'))).toBeNull();
    });
  });
});
