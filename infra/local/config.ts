/**
 * The local runtime's settings: flags beat environment variables beat defaults.
 *   --host / HOST (127.0.0.1)   --port / PORT (3000)   --data-dir / DATA_DIR (.data)
 *   --log-format / LOG_FORMAT (pretty on a terminal, json otherwise)
 *   --public-url / PUBLIC_BASE_URL (the address it listens on): the web app in messages
 *   --smtp-url / SMTP_URL (none: the outbox folder): where mail goes, e.g. smtp://host:25
 *   --mail-from / MAIL_FROM (no-reply@langson.gov.vn, as on AWS): the address mail is sent from
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
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  smtpUrl: z.url({ protocol: /^smtps?$/ }).optional(),
  mailFrom: z.email().optional(),
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
        'public-url': { type: 'string' },
        'smtp-url': { type: 'string' },
        'mail-from': { type: 'string' },
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
    publicUrl: flags['public-url'] ?? (env.PUBLIC_BASE_URL || undefined),
    smtpUrl: flags['smtp-url'] ?? (env.SMTP_URL || undefined),
    mailFrom: flags['mail-from'] ?? (env.MAIL_FROM || undefined),
  });
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new ConfigurationError(`invalid ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return result.data;
}
