/**
 * How large a plan table may be. The parser is linear in its input, so these bound the
 * time and memory of one import and the size of what it writes, not a slow path.
 * Measured on the seeds: KH267, the larger table, is 39 KB in 169 lines, and its longest
 * cell (of either table) is 418 characters.
 */

/**
 * 1 MiB: 26 times KH267, and the body limit of `POST /plans`, so that a table refused
 * here could not have arrived there either. At the limit the densest tables this parser
 * accepts (every cell packed with agency names or numbers) read in about a second.
 * Over it: TABLE_TOO_LARGE (HTTP 413), checked before anything is read.
 */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** 5,000 lines: about 30 times KH267's 169. Over it: TABLE_TOO_LARGE (HTTP 413). */
export const MAX_TABLE_LINES = 5_000;

/**
 * 5,000 numeric targets in one table; the seeds have 41 (KH266, at most 4 in one task).
 * Reading a target costs far more than reading its characters, so this, not the file's
 * size, bounds the time of a table whose every result is packed with numbers ("1 ha 1 ha
 * …"). Reading stops when it is passed: TABLE_TOO_LARGE (HTTP 413).
 */
export const MAX_TABLE_TARGETS = 5_000;

/**
 * 10,000 characters: 24 times the longest seed cell. A task carries about ten texts of
 * cell size (title, agencies, timeline, result, note, and the milestones, targets and
 * schedule that repeat parts of them); at 3 UTF-8 bytes per character in the worst case
 * that keeps a task item near 300 KB, under DynamoDB's 400 KB. Applies to each cell as
 * printed and to a cell joined across page breaks. Over it: CELL_TOO_LONG (HTTP 422).
 */
export const MAX_CELL_CHARS = 10_000;

/**
 * 500 distinct names no known agency answers to: the seeds have none, and a new plan for
 * every commune of the province (65 since the 2025 reorganisation) against a registry
 * that knows none of them would have 65. More means the table or the registry is not
 * the one intended; each name is looked up for suggestions, so reading stops there:
 * TOO_MANY_UNRESOLVED_NAMES (HTTP 422).
 */
export const MAX_UNRESOLVED_NAMES = 500;
