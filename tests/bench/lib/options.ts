/**
 * Command-line options shared by the runner and each part: `--quick` for a smoke run
 * (shorter phases, fewer repetitions, no 50,000-task province), `--only a,b` to run some
 * parts, `--merge` to put the parts measured into results/latest.json (the others keep
 * their last figures) and rewrite BENCHMARKS.md, `--render` to rewrite BENCHMARKS.md from
 * results/latest.json without measuring (after a change to the text).
 */
import { parseArgs } from 'node:util';

export const PARTS = ['submission', 'rollup', 'bundles', 'startup', 'web'] as const;
export type PartName = (typeof PARTS)[number];

export interface BenchOptions {
  quick: boolean;
  only: PartName[];
  merge: boolean;
  render: boolean;
}

export function readOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      merge: { type: 'boolean', default: false },
      render: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const only = (values.only?.split(',') ?? [...PARTS]).map((name) => name.trim());
  const unknown = only.filter((name) => !(PARTS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown part(s) ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
  }
  return {
    quick: values.quick,
    only: only as PartName[],
    merge: values.merge,
    render: values.render,
  };
}

/** The arguments that pass the options on to a part's child process. */
export const optionArgs = (options: BenchOptions): string[] => (options.quick ? ['--quick'] : []);
