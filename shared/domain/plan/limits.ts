/**
 * How large a plan table may be. The parser is linear in its input, so these bound the
 * time and memory of one import and the size of what it writes, not a slow path.
 * Measured on the seeds: KH267, the larger table, is 39 KB in 169 lines, and its longest
 * cell (of either table) is 418 characters.
 */

/**
 * 2 MiB: 50 times KH267. Over it the import is refused as TABLE_TOO_LARGE (HTTP 413).
 * Checked before anything is read.
 */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** 5,000 lines: about 30 times KH267's 169. Over it: TABLE_TOO_LARGE (HTTP 413). */
export const MAX_TABLE_LINES = 5_000;

/**
 * 10,000 characters: 24 times the longest seed cell. A task carries about ten texts of
 * cell size (title, agencies, timeline, result, note, and the milestones, targets and
 * schedule that repeat parts of them); at 3 UTF-8 bytes per character in the worst case
 * that keeps a task item near 300 KB, under DynamoDB's 400 KB. Applies to each cell as
 * printed and to a cell joined across page breaks. Over it: CELL_TOO_LONG (HTTP 422).
 */
export const MAX_CELL_CHARS = 10_000;
