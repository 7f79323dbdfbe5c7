/**
 * Table cells exported from Word carry HTML fragments (`<p>`, `<ul><li>`, `<b>`).
 * Paragraphs and list items become lines; every other tag is dropped.
 * Written by hand: the fragments are a handful of known tags, and an HTML parser
 * dependency would add weight without handling anything more here.
 */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

const BLOCK_TAG = /<\/?(?:p|li|ul|ol|br|div)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;

function decodeEntity(match: string, body: string): string {
  if (body.startsWith('#x') || body.startsWith('#X')) {
    return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
  }
  if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
  return ENTITIES[body.toLowerCase()] ?? match;
}

/** Clean text of one cell: lines for blocks, single spaces inside lines, NFC. */
export function cellText(raw: string): string {
  return raw
    .replace(BLOCK_TAG, '\n')
    .replace(ANY_TAG, '')
    .replace(ENTITY, decodeEntity)
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
