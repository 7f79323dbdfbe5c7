/**
 * The seed plan appendices as Word documents (built at test time from their text exports)
 * give the same plan and the same tasks, field by field, as the text exports.
 */
import type { PlanOverrides } from '#shared/domain/plan/model.ts';
import { parsePlanTable, type ParsedPlan } from '#shared/domain/plan/plan-parser.ts';
import { docxToPlanText } from '#shared/domain/sources/docx-plan-text.ts';
import { seedAgencyRegistry } from '#shared/seed-registry.ts';
import { describe, expect, it } from 'vitest';
import { planDocxFromExport, type PlanDocxOptions } from '../../support/plan-docx.ts';
import { seedSources } from '../../support/seed-tasks.ts';

const registry = seedAgencyRegistry();

/** Each document is built once (building takes a while) and read in every test. */
const built = new Map<string, Promise<Uint8Array>>();

async function viaDocx(
  source: { file: string; text: string; overrides: PlanOverrides },
  options: PlanDocxOptions = {},
): Promise<{ parsed: ParsedPlan; lines: string[] }> {
  const key = `${source.file} ${JSON.stringify(options)}`;
  const bytes = built.get(key) ?? planDocxFromExport(source.text, options);
  built.set(key, bytes);
  const file = source.file.replace(/\.txt$/, '.docx');
  const text = await docxToPlanText(await bytes, file);
  return {
    parsed: parsePlanTable({ file, text }, { registry, overrides: source.overrides }),
    lines: text.split('\n'),
  };
}

describe.each(seedSources())('$file as a .docx', (source) => {
  const fromText = parsePlanTable(source, { registry, overrides: source.overrides });

  it('gives the same plan and the same tasks, field by field', async () => {
    // Prepare
    const docxFile = source.file.replace(/\.txt$/, '.docx');

    // Act
    const { parsed } = await viaDocx(source);

    // Assess
    expect(parsed.plan).toEqual(fromText.plan);
    expect(parsed.tasks.map((t) => t.id)).toEqual(fromText.tasks.map((t) => t.id));
    fromText.tasks.forEach((task, index) => {
      expect(parsed.tasks[index]).toEqual({
        ...task,
        source: { file: docxFile, line: expect.any(Number) },
      });
    });
    expect(parsed.agencies).toEqual(fromText.agencies);
    expect(parsed.warnings.map((w) => w.code)).toEqual(fromText.warnings.map((w) => w.code));
  });

  it("points each task's source line at its row of the document's export", async () => {
    // Act
    const { parsed, lines } = await viaDocx(source);

    // Assess
    for (const task of parsed.tasks) {
      const firstCell = lines[task.source.line - 1]?.split('\t')[0] ?? '';
      expect(firstCell.replace(/<\/?b>/g, '')).toBe(task.ordinal);
    }
  });

  it('gives the same tasks when the header row is repeated as ordinary rows', async () => {
    // Act
    const { parsed } = await viaDocx(source, { headerEvery: 5 });

    // Assess
    expect(parsed.tasks.map((t) => ({ ...t, source: null }))).toEqual(
      fromText.tasks.map((t) => ({ ...t, source: null })),
    );
    expect(parsed.warnings).toEqual([]);
  });
});

describe('KH266 as a .docx', () => {
  const [kh266] = seedSources();
  if (!kh266) throw new Error('no KH266 seed');
  const fromText = parsePlanTable(kh266, { registry, overrides: kh266.overrides });
  const textTask = (id: string) => fromText.tasks.find((t) => t.id === id);

  it('keeps a row the export split across a page break as one task', async () => {
    // Prepare: row 8's lead reads "…; UBND" at the foot of a page and "các xã, phường" on the next.
    const splitLead = textTask('KH266-I-8')?.lead;

    // Act
    const { parsed } = await viaDocx(kh266);

    // Assess
    const task = parsed.tasks.find((t) => t.id === 'KH266-I-8');
    expect(task?.lead).toEqual(splitLead);
    expect(task?.lead.map((a) => a.id)).toEqual(['so-nong-nghiep-va-moi-truong', 'ubnd-cap-xa']);
  });

  it('reads vertically merged cells as the first row, the other rows as milestones', async () => {
    // Prepare: row 19 has two timeline entries; its other cells are merged down both.
    const expected = textTask('KH266-II-19');

    // Act
    const { parsed, lines } = await viaDocx(kh266);

    // Assess
    const task = parsed.tasks.find((t) => t.id === 'KH266-II-19');
    expect(task?.milestones).toHaveLength(2);
    expect(task?.milestones).toEqual(expected?.milestones);
    expect(task?.coordinating).toEqual(expected?.coordinating);
    const continuation = lines[task?.source.line ?? 0]?.split('\t');
    expect(continuation?.slice(0, 4)).toEqual(['', '', '', '']);
  });
});
