/**
 * The local runtime's settings: flags beat environment variables beat defaults.
 *   --host / HOST (127.0.0.1)   --port / PORT (3000)   --data-dir / DATA_DIR (.data)
 *   --log-format / LOG_FORMAT (pretty on a terminal, json otherwise)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { ConfigurationError } from '#shared/config/env.ts';

const configSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65_535),
  dataDir: z.string().min(1),
  logFormat: z.enum(['pretty', 'json']),
});
export type LocalConfig = z.infer<typeof configSchema>;

export function readLocalConfig(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  isTerminal = Boolean(process.stdout.isTTY),
): LocalConfig {
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'log-format': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
  const result = configSchema.safeParse({
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    port: flags.port ?? env.PORT ?? '3000',
    dataDir: resolve(flags['data-dir'] ?? env.DATA_DIR ?? '.data'),
    logFormat: flags['log-format'] ?? env.LOG_FORMAT ?? (isTerminal ? 'pretty' : 'json'),
  });
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new ConfigurationError(`invalid ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return result.data;
}
