/**
 * The inputs a hostile review found super-linear (issue 10), and others of the same
 * kinds: each reader must get through them. Quadratic reading took from 30 s to well over
 * a minute on these; the per-test timeout is the guard (a few seconds, generous for a
 * loaded machine), and no speed is asserted.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText } from '#shared/domain/plan/cell-text.ts';
import {
  MAX_CELL_CHARS,
  MAX_SOURCE_BYTES,
  MAX_TABLE_TARGETS,
  MAX_UNRESOLVED_NAMES,
} from '#shared/domain/plan/limits.ts';
import type { ImportWarning } from '#shared/domain/plan/model.ts';
import { parsePlanTable, PlanTableError } from '#shared/domain/plan/plan-parser.ts';
import { readPeriod } from '#shared/domain/plan/plan-period.ts';
import { readPreamble } from '#shared/domain/plan/plan-preamble.ts';
import { parseSchedule } from '#shared/domain/plan/schedule.ts';
import { proposeSector } from '#shared/domain/plan/sector-keywords.ts';
import { extractTargets } from '#shared/domain/plan/targets.ts';
import { parseVnNumber } from '#shared/domain/plan/vn-number.ts';
import { seedAgencyRegistry } from '#shared/seed-registry.ts';

const GUARD_MS = 5_000;
/** A whole table at the size limits: more work, the same guard against quadratic time. */
const TABLE_GUARD_MS = 15_000;

const registry = seedAgencyRegistry();
const context = { planYear: 2026, period: { start: '2026-07-01', end: '2026-12-31' } };
const KH266 = readFileSync('seeds/plans/kh266-phu-luc-8.txt', 'utf8');
const row = (...cells: string[]) => `\n${cells.join('\t')}`;
const parseWith = (rows: string) =>
  parsePlanTable({ file: 'kh266.txt', text: KH266 + rows }, { registry });

function issuesOf(run: () => unknown): ImportWarning[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanTableError) return error.issues;
    throw error;
  }
  throw new Error('expected a PlanTableError');
}

describe('the inputs of the review', () => {
  it.each([10_000, 20_000])(
    'reads an expected result of "1 ha " repeated %i times',
    (times) => {
      // Act
      const targets = extractTargets('1 ha '.repeat(times));

      // Assess
      expect(targets).toHaveLength(times);
      expect(targets.at(-1)).toMatchObject({ key: `ha-${times}`, value: 1, unit: 'ha' });
    },
    GUARD_MS,
  );

  it.each(['.', ','])(
    'reads a timeline of 500,000 "%s", alone and before a word',
    (mark) => {
      // Act
      const alone = parseSchedule(mark.repeat(500_000), context);
      const beforeWord = parseSchedule(`${mark.repeat(500_000)}x`, context);

      // Assess
      expect(alone.schedule.kind).toBe('unspecified');
      expect(beforeWord.schedule.kind).toBe('unspecified');
      expect(beforeWord.problems).toMatchObject([{ code: 'TIMELINE_UNREADABLE' }]);
    },
    GUARD_MS,
  );

  it(
    'reads a title of 500,000 "<" with no ">" as that text',
    () => {
      // Prepare
      const title = '<'.repeat(500_000);

      // Act
      const text = cellText(title);

      // Assess
      expect(text).toBe(title);
    },
    GUARD_MS,
  );

  it(
    'refuses those cells in a table at once, as too long',
    () => {
      // Prepare
      const title = row('99', '<'.repeat(500_000), 'Sở Tài chính', '', 'Quý III/2026', '');
      const timeline = row('99', 'A', 'Sở Tài chính', '', `${'.'.repeat(500_000)}x`, '');
      const result = row('99', 'A', 'Sở Tài chính', '', 'Quý III/2026', '1 ha '.repeat(10_000));

      // Act
      const issues = [title, timeline, result].flatMap((rows) => issuesOf(() => parseWith(rows)));

      // Assess
      expect(issues.map((i) => [i.line, i.code, i.field])).toEqual([
        [82, 'CELL_TOO_LONG', 'task'],
        [82, 'CELL_TOO_LONG', 'timeline'],
        [82, 'CELL_TOO_LONG', 'result'],
      ]);
    },
    GUARD_MS,
  );

  it(
    'reads a 58 KiB table of cells as long as allowed, packed with what was slow',
    () => {
      // Prepare
      const fill = MAX_CELL_CHARS - 10;
      const rows =
        row('99', '<'.repeat(fill), 'Sở Tài chính', '', `${'.'.repeat(fill)}x`, '') +
        row('100', 'A', 'Sở Tài chính. Xây dựng. '.repeat(fill / 24), '', 'Quý IV', '') +
        row('101', 'B', 'Sở Y tế', '', 'Quý IV', `${', '.repeat(fill / 2)}1 ha`) +
        row('102', 'C', 'Sở Y tế', '', 'Quý IV', 'trên 1,5 tỷ đồng '.repeat(500));

      // Act
      const parsed = parseWith(rows);

      // Assess
      expect(Buffer.byteLength(KH266 + rows)).toBeGreaterThan(58 * 1024);
      expect(parsed.tasks.find((t) => t.ordinal === '99')?.title).toBe('<'.repeat(fill));
      expect(parsed.tasks.find((t) => t.ordinal === '102')?.targets).toHaveLength(500);
    },
    GUARD_MS,
  );

  it(
    'reads character references outside Unicode as U+FFFD, without throwing',
    () => {
      expect(cellText('&#x110000;&#99999999999;'.repeat(10_000))).toBe('\uFFFD'.repeat(20_000));
    },
    GUARD_MS,
  );
});

describe('more inputs of the same kinds', () => {
  it(
    'joins thousands of page-break continuations of one row, and refuses the long cell',
    () => {
      // Prepare
      const rows =
        row('99', 'A', 'Sở Tài chính', '', 'x', '') +
        row('', '', '', '', 'Quý III '.repeat(10), 'zzz').repeat(4_000);

      // Act
      const issues = issuesOf(() => parseWith(rows));

      // Assess
      expect(issues).toMatchObject([
        { line: 82, code: 'CELL_TOO_LONG', field: 'timeline' },
        { line: 82, code: 'CELL_TOO_LONG', field: 'result' },
      ]);
    },
    GUARD_MS,
  );

  it(
    'reads agency cells of thousands of names, known or not',
    () => {
      // Act
      const listed = registry.resolveCell(`Các sở: Tài chính${', Xây dựng'.repeat(1_000)}`);
      const unknown = registry.resolveCell(
        Array.from({ length: 2_000 }, (_, i) => `Phòng ${i}`).join(', '),
      );
      const qualified = registry.resolveCell(`UBND các xã có${' - x'.repeat(3_000)}, Sở Y tế`);

      // Assess
      expect(listed.refs.map((r) => r.id)).toEqual(['so-tai-chinh', 'so-xay-dung']);
      expect(unknown.unknown).toHaveLength(2_000);
      expect(qualified.refs.map((r) => r.id)).toEqual(['ubnd-cap-xa', 'so-y-te']);
    },
    GUARD_MS,
  );

  it(
    'suggests agencies for a name of many words',
    () => {
      expect(registry.suggest('Sở Tài chính '.repeat(5_000))[0]?.id).toBe('so-tai-chinh');
    },
    GUARD_MS,
  );

  it(
    'reads periods, sectors and preambles out of long texts',
    () => {
      // Act
      const period = readPeriod(`${'6 tháng '.repeat(50_000)}năm 2027`);
      const sector = proposeSector('y tế '.repeat(20_000));
      const preamble = readPreamble([
        { line: 1, text: `số 1/KH-UBND ngày${' '.repeat(100_000)}x` },
        { line: 2, text: `(Kèm theo Kế hoạch số 2/KH-UBND của${' )'.repeat(50_000)}` },
      ]);

      // Assess
      expect(period).toEqual({ start: '2027-01-01', end: '2027-12-31' });
      expect(sector).toEqual({ sector: 'services' });
      expect(preamble.reference).toMatchObject({ code: 'KH1', issuedOn: null });
    },
    GUARD_MS,
  );

  it(
    'reads numbers of a hundred thousand digits and groups',
    () => {
      expect(parseVnNumber('1'.repeat(100_000))).toBeNull();
      expect(parseVnNumber(`1${'.000'.repeat(50_000)},5`)).toBeNull();
      expect(extractTargets(`${'1.000'.repeat(20_000)}.12 ha`)).toEqual([]);
    },
    GUARD_MS,
  );
});

describe('the limits that bound the rest', () => {
  it(
    `stops reading at the ${MAX_TABLE_TARGETS + 1}th target of a table`,
    () => {
      // Prepare
      const rows = Array.from({ length: 5 }, (_, i) =>
        row(String(99 + i), 'A', 'Sở Y tế', '', 'Quý IV', '1 ha '.repeat(1_999)),
      ).join('');

      // Act
      const issues = issuesOf(() => parseWith(rows));

      // Assess
      expect(issues).toMatchObject([{ line: 84, code: 'TABLE_TOO_LARGE' }]);
    },
    GUARD_MS,
  );

  it(
    `stops reading at the ${MAX_UNRESOLVED_NAMES + 1}th name no agency answers to`,
    () => {
      // Prepare
      const names = (from: number) =>
        Array.from({ length: 300 }, (_, i) => `Phòng ${from + i}`).join(', ');
      const rows =
        row('99', 'A', names(0), '', 'Quý IV', '') + row('100', 'B', names(300), '', 'Quý IV', '');

      // Act
      const issues = issuesOf(() => parseWith(rows));

      // Assess
      expect(issues).toMatchObject([{ line: 83, code: 'TOO_MANY_UNRESOLVED_NAMES' }]);
    },
    GUARD_MS,
  );

  it(
    'reads through the largest table the limits allow',
    () => {
      // Prepare: rows like the seeds', as many as the source limit takes.
      const line = (i: number) =>
        row(
          String(1_000 + i),
          `Triển khai nhiệm vụ ${i} theo Nghị quyết số 02/2026/NQ-HĐND`,
          'Sở Nông nghiệp và Môi trường; UBND các xã, phường',
          'Các sở ngành liên quan, Sở Tài chính. Xây dựng',
          'Hàng tháng (6 tháng cuối năm 2026)',
          '<ul><li>- Lúa: 15.520 ha</li></ul>',
        );
      const room = MAX_SOURCE_BYTES - Buffer.byteLength(KH266) - 1_024;
      const count = Math.min(4_900, Math.floor(room / Buffer.byteLength(line(4_000))));
      const rows = Array.from({ length: count }, (_, i) => line(i)).join('');

      // Act
      const parsed = parseWith(rows);

      // Assess
      expect(parsed.tasks).toHaveLength(49 + count);
      expect(parsed.unresolved).toEqual([]);
    },
    TABLE_GUARD_MS,
  );
});

describe('long cells of any shape', () => {
  /** Fragments of what the readers look for, so that long strings reach their deep paths. */
  const fragment = fc.constantFrom(
    '1 ha ',
    '15.520',
    '2.810,75',
    ' triệu ',
    '.',
    ',',
    ';',
    ' - ',
    '<',
    '>',
    '</',
    '<p>',
    '&#',
    '&amp',
    '&#x110000;',
    'Quý III/2026',
    'Trước 31/02/2026',
    'Hàng tháng (',
    ')',
    'Sau khi ',
    'năm ',
    'giai đoạn 2026 - ',
    '6 tháng cuối ',
    'Sở Tài chính',
    'UBND các xã',
    ' có ',
    'Các sở: ',
    'Xây dựng',
    'và ',
    'trên ',
    'tối thiểu ',
    'dự án ',
    'Lúa: ',
    'y tế ',
    ' ',
    '\n',
  );
  const longCell = fc
    .array(fragment, { minLength: 500, maxLength: 2_000 })
    .map((parts) => parts.join(''));

  it(
    'never take long, whatever they are made of',
    () => {
      fc.assert(
        fc.property(longCell, (cell) => {
          // Act
          const text = cellText(cell);
          extractTargets(text);
          parseSchedule(text, context);
          registry.resolveCell(text);
          readPeriod(text);
          proposeSector(text);

          // Assess
          expect(text.length).toBeLessThanOrEqual(cell.length);
        }),
        { numRuns: 40 },
      );
    },
    TABLE_GUARD_MS,
  );
});
