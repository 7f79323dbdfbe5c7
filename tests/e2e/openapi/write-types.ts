/** `npm run openapi:types`: rewrites the generated API types after the document changed. */
import { writeFile } from 'node:fs/promises';
import { generateOpenApiTypes, GENERATED_TYPES_FILE } from './generate-types.ts';

await writeFile(GENERATED_TYPES_FILE, await generateOpenApiTypes());
console.log(`wrote ${GENERATED_TYPES_FILE}`);
