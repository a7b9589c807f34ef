// Reads a pasted list of a national plan's (or any custom framework's) items. Pure.

/** "2.1 Labour inspection" → code 2.1, title "Labour inspection". */
export function parseItemLines(text: string): { code: string; title: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const space = line.search(/\s/);
      return space === -1
        ? { code: line, title: line }
        : { code: line.slice(0, space).replace(/[.:]$/, ''), title: line.slice(space + 1).trim() };
    });
}
