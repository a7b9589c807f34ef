// Search as readers type it: case and accents aside, so "yaslar" finds "Ýaşlar" (Turkmen
// ý ş ň ä ö ü ç ž), "елка" finds "ёлка", and every word of the query is looked for on its own.
// Hand-written: String.prototype.normalize does the work; a search library would add an index
// the table does not need.

/** Combining marks left by NFD, except the breve of й: Russian readers hold й and и apart. */
const MARKS = /[\u0300-\u0305\u0307-\u036f]|(?<!и)\u0306/g;

/** `text` folded for comparison: lower case (the same in every locale), marks removed. */
export function searchKey(text: string): string {
  return text.toLowerCase().replace(/ı/g, 'i').normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** The words of a query, folded; none when it is blank (everything matches). */
export function searchWords(query: string): readonly string[] {
  return searchKey(query).split(/\s+/).filter(Boolean);
}

/** Whether the folded text `key` holds every word (anywhere, in any order). */
export function matchesWords(words: readonly string[], key: string): boolean {
  return words.every((word) => key.includes(word));
}
