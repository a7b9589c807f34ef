// Remembers where the window was and whether it was maximised, and puts it back on a screen that
// still exists (a laptop undocked from the projector used in the workshop must not open the
// window off-screen).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './store/atomicFile';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

/** Small enough for a 1280×720 projector with a taskbar, large enough for the plan table. */
export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
/** Below this the UI is unusable; a stored state smaller than this is ignored. */
const MIN_SIZE = { width: 480, height: 360 } as const;
/** How much of the window's title bar must be on a screen to count as visible and draggable. */
const MIN_VISIBLE = 64;

const rectangle = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_SIZE.width).max(100_000),
  height: z.number().int().min(MIN_SIZE.height).max(100_000),
});
const storedState = z.object({ bounds: rectangle, maximized: z.boolean() });

/** Where to open: the stored state if it fits on today's screens, else centred on the primary. */
export function fitToDisplays(
  stored: WindowState | null,
  workAreas: readonly Rectangle[],
  primary: Rectangle,
): WindowState {
  if (stored && workAreas.some((area) => titleBarVisible(stored.bounds, area))) {
    const area =
      workAreas.find((candidate) => titleBarVisible(stored.bounds, candidate)) ?? primary;
    return {
      bounds: {
        ...stored.bounds,
        width: Math.min(stored.bounds.width, area.width),
        height: Math.min(stored.bounds.height, area.height),
      },
      maximized: stored.maximized,
    };
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    bounds: {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    },
    maximized: stored?.maximized ?? false,
  };
}

function titleBarVisible(bounds: Rectangle, area: Rectangle): boolean {
  const left = Math.max(bounds.x, area.x);
  const right = Math.min(bounds.x + bounds.width, area.x + area.width);
  const titleTop = bounds.y;
  return (
    right - left >= MIN_VISIBLE &&
    titleTop >= area.y &&
    titleTop < area.y + area.height - MIN_VISIBLE / 2
  );
}

/** The stored state, or null if there is none or it is unreadable (never an error at start). */
export async function loadWindowState(path: string): Promise<WindowState | null> {
  try {
    const parsed = storedState.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await writeFileAtomic(path, new TextEncoder().encode(JSON.stringify(state)));
}
