/** The reference bundles measured beside the handlers, built and started the same way. */
export const EMPTY = 'empty handler';
export const SDK_ONLY = 'SDK clients alone';
export const SCHEMAS_ONLY = 'API schemas alone';

export const REFERENCES = new Map<string, { entry: string; event: unknown }>([
  [EMPTY, { entry: 'tests/bench/bundles/empty-handler.ts', event: {} }],
  [SDK_ONLY, { entry: 'tests/bench/bundles/sdk-clients-handler.ts', event: {} }],
  [SCHEMAS_ONLY, { entry: 'tests/bench/bundles/schemas-handler.ts', event: {} }],
]);
