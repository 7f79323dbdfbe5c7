/**
 * Imports plan appendices and conclusion notices, as an officer would through the API.
 *
 *   npm run --silent import -- [--dry-run] [--json] [--kind plan|notice] [--draft] FILE...
 *
 * Each file (a tab-separated table export, a notice as text, or a .docx) is sent to the
 * running platform's `POST /plans`, found through the data folder (DATA_DIR or
 * --data-dir, default .data): the same checks, idempotency and audit as any import.
 * With --dry-run and no platform running, the file is parsed here against the registry
 * in `seeds/`. --json prints the API's answers as one JSON array.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRuntimeInfo } from '#infra/local/runtime-file.ts';
import { call, CliError, connect, runCli } from '#infra/local/cli/runtime-client.ts';
import { AgencyRegistry } from '#shared/domain/plan/agency-registry.ts';
import { loadSeed } from '#shared/seed-registry.ts';
import { DOCUMENT_PARSERS, documentIssues } from '#shared/use-cases/registry/document-parsers.ts';

const USAGE =
  'usage: npm run --silent import -- [--dry-run] [--json] [--kind plan|notice] [--draft] [--data-dir DIR] FILE...';

interface Answer {
  file: string;
  status: number;
  body: Record<string, unknown>;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      draft: { type: 'boolean', default: false },
      kind: { type: 'string', default: 'plan' },
      'data-dir': { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0 || (values.kind !== 'plan' && values.kind !== 'notice'))
    throw new CliError(USAGE);
  const kind = values.kind;
  const dataDir = resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.data');
  const running = await readRuntimeInfo(dataDir);

  const answers: Answer[] = [];
  for (const path of positionals) {
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    const file = basename(path);
    if (!running && values['dry-run']) {
      answers.push(await parseHere(file, bytes, kind));
      continue;
    }
    const { runtime, adminToken } = await connect(dataDir);
    const isDocx = file.toLowerCase().endsWith('.docx');
    const body = {
      file,
      kind,
      dryRun: values['dry-run'],
      draft: values.draft,
      ...(isDocx ? { docx: bytes.toString('base64') } : { text: bytes.toString('utf8') }),
    };
    const key = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
    const result = await call(`${runtime.apiUrl}/plans`, adminToken, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `import-${key}` },
      body: JSON.stringify(body),
    });
    answers.push({ file, status: 200, body: result as Record<string, unknown> });
  }
  if (values.json)
    process.stdout.write(
      `${JSON.stringify(
        answers.map((a) => a.body),
        null,
        2,
      )}\n`,
    );
  else for (const answer of answers) console.log(describe(answer));
}

/** Parses against the seed registry: a dry run needs no platform. */
async function parseHere(file: string, bytes: Buffer, kind: 'plan' | 'notice'): Promise<Answer> {
  const seed = await loadSeed(resolve(import.meta.dirname, '../..'));
  const registry = AgencyRegistry.fromAgencies(seed.agencies);
  const overrides = seed.documents.find((d) => d.source.file === file)?.overrides ?? {};
  try {
    const parsed = DOCUMENT_PARSERS[kind](
      { file, text: bytes.toString('utf8') },
      { registry, overrides },
    );
    return { file, status: 200, body: { dryRun: true, ...parsed } };
  } catch (error) {
    const issues = documentIssues(error);
    if (!issues) throw error;
    throw new CliError(
      issues.map((i) => `${i.file}:${i.line}: ${i.code}: ${i.message}`).join('\n'),
    );
  }
}

function describe({ file, body }: Answer): string {
  if (body.dryRun) {
    const tasks = (body.tasks as unknown[]).length;
    const unresolved = (body.unresolved as { name: string }[]).map((u) => `"${u.name}"`);
    return `${file}: ${tasks} tasks (dry run, nothing written)${unresolved.length > 0 ? `; names to resolve: ${unresolved.join(', ')}` : ''}`;
  }
  const plan = body.plan as { code: string };
  const tasks = body.tasks as Record<string, string[]>;
  const counts = ['created', 'updated', 'unchanged', 'retired']
    .map((k) => `${tasks[k]?.length ?? 0} ${k}`)
    .join(', ');
  return `${file}: ${plan.code} version ${String(body.version)} ${String(body.outcome)} (tasks: ${counts})`;
}

runCli(main);
