/**
 * Imports plan appendices and conclusion notices, as an officer does through the API: the
 * same use case, the same checks, the same versions and history.
 *
 *   npm run --silent import -- [--dry-run] [--json] [--kind plan|notice] [--draft]
 *                              [--data-dir DIR] FILE...
 *
 * A FILE is a tab-separated table export, a notice as text, or a .docx. The import goes to
 * the running local platform's table (found through --data-dir, DATA_DIR or .data), or to
 * the table TABLE_NAME names. --dry-run writes nothing; with no platform running and no
 * TABLE_NAME it parses against the registry in `seeds/`. --json prints the answers as one
 * JSON array. Names the registry does not know are answered through `POST /plans`'
 * `resolutions` (or the web app), not here.
 */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { dynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import type { Agency, ImportWarning } from '#shared/domain/plan/model.ts';
import { loadSeed } from '#shared/seed-registry.ts';
import { DOCUMENT_PARSERS, documentIssues } from '#shared/use-cases/registry/document-parsers.ts';
import { documentText } from '#shared/use-cases/registry/document-source.ts';
import {
  importDocument,
  previewImport,
  type ImportDeps,
  type ImportPreview,
  type ImportRequest,
  type ImportResult,
} from '#shared/use-cases/registry/import-document.ts';
import { systemClock } from '../wiring.ts';
import { CommandError, parseCommandLine, runCommand, UsageError } from './command-line.ts';
import { commandTable, DATA_DIR_OPTION } from './command-table.ts';
import { targetLinker } from '#shared/use-cases/indicators/plan-links.ts';

const USAGE =
  'usage: npm run --silent import -- [--dry-run] [--json] [--kind plan|notice] [--draft] [--data-dir DIR] FILE...';

const IMPORT_COMMAND = {
  usage: USAGE,
  options: {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    draft: { type: 'boolean' },
    kind: { type: 'string' },
    ...DATA_DIR_OPTION,
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
} as const;

type Answer = ImportPreview | ImportResult;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(IMPORT_COMMAND, argv);
  const kind = values.kind ?? 'plan';
  if (kind !== 'plan' && kind !== 'notice') throw new UsageError('--kind is plan or notice');
  const deps = await importDeps(values['data-dir'], values['dry-run'] === true);
  const answers: Answer[] = [];
  for (const path of positionals) {
    const file = basename(path);
    const bytes = await readFile(path);
    const request: ImportRequest = {
      source: await documentText(
        file.toLowerCase().endsWith('.docx')
          ? { file, docx: bytes }
          : { file, text: bytes.toString('utf8') },
      ),
      kind,
      overrides: deps.seedOverrides(file),
      resolutions: [],
      draft: values.draft === true,
    };
    answers.push(
      values['dry-run'] ? await previewImport(request, deps) : await importDocument(request, deps),
    );
  }
  if (values.json) process.stdout.write(`${JSON.stringify(answers, null, 2)}\n`);
  else answers.forEach(describe);
  return 0;
}

/**
 * The import's dependencies on the table the command reaches; for a dry run with no table
 * at hand, an in-memory registry of the seed agencies (a dry run reads, never writes).
 */
async function importDeps(dataDir: string | undefined, dryRun: boolean) {
  const seed = await loadSeed(process.cwd());
  const seedOverrides = (file: string) =>
    seed.documents.find((d) => d.source.file === file)?.overrides ?? {};
  const common = {
    parsers: DOCUMENT_PARSERS,
    issuesOf: documentIssues,
    clock: systemClock,
    actor: { tokenId: 'command-line', agencyId: null, person: userInfo().username },
    requestId: `cli:${Date.now()}`,
    deadline: Number.POSITIVE_INFINITY,
  };
  try {
    const { db, tableName } = await commandTable(dataDir);
    const stores = dynamoStores(db, tableName);
    const deps: ImportDeps = { ...common, ...stores, links: targetLinker(stores.indicators) };
    return { ...deps, seedOverrides };
  } catch (error) {
    if (!dryRun || !(error instanceof CommandError)) throw error;
    return { ...common, ...seedRegistryOnly(seed.agencies), seedOverrides };
  }
}

function seedRegistryOnly(
  agencies: readonly Agency[],
): Pick<ImportDeps, 'agencies' | 'plans' | 'audit'> {
  const refuse = () => Promise.reject(new Error('a dry run writes nothing'));
  return {
    agencies: {
      listAll: async () => agencies.map((agency) => ({ agency, revision: 1 })),
      save: refuse,
    },
    plans: {
      getPlan: async () => null,
      getVersion: async () => null,
      listVersions: async () => [],
      tasksOf: async () => [],
      claimVersion: refuse,
      writeTask: refuse,
      saveVersion: refuse,
      publish: refuse,
      afterPublish: refuse,
      correct: refuse,
    },
    audit: { record: refuse },
  };
}

function describe(answer: Answer): void {
  if (answer.dryRun) {
    const unresolved = answer.unresolved.map((u) => `"${u.name}"`).join(', ');
    console.log(
      `${answer.plan.code}: ${answer.tasks.length} tasks (dry run, nothing written)${unresolved ? `; names to resolve: ${unresolved}` : ''}`,
    );
  } else {
    const counts = (['created', 'updated', 'unchanged', 'retired'] as const)
      .map((k) => `${answer.tasks[k].length} ${k}`)
      .join(', ');
    console.log(
      `${answer.plan.code} version ${answer.version} ${answer.outcome} (tasks: ${counts})`,
    );
  }
  answer.warnings.forEach((w) => console.error(formatWarning(w)));
}

function formatWarning(w: ImportWarning): string {
  return `${w.file}:${w.line}: ${w.code}: ${w.message}`;
}

/** A document that cannot be imported: its issues, one per line. */
function reportIssues(error: unknown): boolean {
  const issues =
    documentIssues(error) ??
    (error as { extensions?: { issues?: ImportWarning[] } }).extensions?.issues;
  if (!issues) return false;
  issues.forEach((i) => console.error(formatWarning(i)));
  return true;
}

runCommand(USAGE, () => main(process.argv.slice(2)), reportIssues);
