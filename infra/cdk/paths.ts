/** Where the repository is, whatever directory `cdk` or `vitest` was started from. */
import { fileURLToPath } from 'node:url';

/** Absolute, with a trailing separator: handler entries are declared relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
