// The built-in frameworks and the small pure helpers every layer uses to look items up, show their
// titles in the reader's language and build or read an action's framework link keys.
import { hrap } from './hrap';
import { ilo } from './ilo';
import { oecd } from './oecd';
import { sdg8 } from './sdg8';
import { SDG_CODES } from './sdgCodes';
import type { Framework, FrameworkItem, Language, LocalisedText } from './types';
import { ungp } from './ungp';

export * from './types';
export { HRAP_FRAMEWORK_ID } from './hrap';

/**
 * The frameworks that ship with Accord and load with it, in the order pickers show them; SDG 8
 * comes first as the default. The 17 SDGs come on demand (all.ts).
 */
export const builtInFrameworks: readonly Framework[] = [sdg8, hrap, ungp, ilo, oecd];

/** The 17 SDGs with every target and indicator (sdgs.ts, about 340 KB). */
export const SDGS_FRAMEWORK_ID = 'sdg';

export function getBuiltInFramework(id: string): Framework | undefined {
  return builtInFrameworks.find((framework) => framework.id === id);
}

/** Whether a built-in framework, loaded or not, has an item `code`. */
export function isBuiltInItem(frameworkId: string, code: string): boolean {
  if (frameworkId === SDGS_FRAMEWORK_ID) return SDG_CODES.has(code);
  const framework = getBuiltInFramework(frameworkId);
  return framework !== undefined && findItem(framework, code) !== undefined;
}

export function findItem(framework: Framework, code: string): FrameworkItem | undefined {
  return framework.items.find((item) => item.code === code);
}

/** The items directly under `parent`, or the top-level items when `parent` is omitted, in order. */
export function childrenOf(framework: Framework, parent?: string): readonly FrameworkItem[] {
  return framework.items.filter((item) => item.parent === parent);
}

/** A text in `language`, or in English where it has no translation (English is always present). */
export function textIn(text: LocalisedText, language: Language): string {
  return text[language] ?? text.en;
}

export function itemTitle(item: FrameworkItem, language: Language): string {
  return textIn(item.title, language);
}

/** Separates framework id and item code in a link key; neither part may contain it. */
export const LINK_KEY_SEPARATOR = ':';

export interface FrameworkLink {
  readonly frameworkId: string;
  readonly code: string;
}

// A part is usable in a key when it is non-empty, has no separator (so a key splits one way
// only) and no surrounding whitespace (so ' 8.1' and '8.1' cannot become two links).
function isKeyPart(part: string): boolean {
  return part !== '' && !part.includes(LINK_KEY_SEPARATOR) && part.trim() === part;
}

/**
 * The key of a framework link in an action's `links` set: `${frameworkId}:${code}`.
 * Throws on parts that would make a key parseLinkKey rejects, so a bad link is never stored.
 */
export function linkKey(frameworkId: string, code: string): string {
  if (!isKeyPart(frameworkId) || !isKeyPart(code)) {
    throw new Error(
      `Cannot link framework ${JSON.stringify(frameworkId)} item ${JSON.stringify(code)}: ` +
        `id and code must be non-empty, without surrounding spaces, and contain no ` +
        `'${LINK_KEY_SEPARATOR}'.`,
    );
  }
  return `${frameworkId}${LINK_KEY_SEPARATOR}${code}`;
}

/** The framework id and item code of a link key, or null when the key is malformed. */
export function parseLinkKey(key: string): FrameworkLink | null {
  const parts = key.split(LINK_KEY_SEPARATOR);
  if (parts.length !== 2) return null;
  const [frameworkId = '', code = ''] = parts;
  return isKeyPart(frameworkId) && isKeyPart(code) ? { frameworkId, code } : null;
}

/** A link as people read it: the framework's short name and the item's code, `SDG 8 8.7`. */
export function linkLabel(framework: Framework, code: string, language: Language): string {
  return `${textIn(framework.shortName, language)} ${code}`;
}

/**
 * The link a label names (linkLabel in any language, so an exported sheet imports back), or
 * null when no framework's short name starts it or the framework has no such item.
 */
export function parseLinkLabel(
  label: string,
  frameworks: Iterable<Framework>,
): FrameworkLink | null {
  const text = label.trim();
  for (const framework of frameworks) {
    for (const shortName of Object.values(framework.shortName)) {
      if (!text.startsWith(`${shortName} `)) continue;
      const code = text.slice(shortName.length + 1).trim();
      if (findItem(framework, code)) return { frameworkId: framework.id, code };
    }
  }
  return null;
}
