/** The baseline bundle: its name in the results, and the handler it is built from. */
export const EMPTY = 'empty handler';
export const EMPTY_ENTRY = 'tests/bench/bundles/empty-handler.ts';
