import { describe, expect, it } from 'vitest';
import { computeSnapshot } from '#shared/domain/rollup/compute-snapshot.ts';
import { field, toCsv } from '#shared/domain/rollup/csv.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { provinceInstant, report, target, task } from '../risk/fixtures.ts';
import { exampleInput } from './example.ts';
import { rollupTask, snapshotInput } from './input.ts';

/** An RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

const tricky = 'Sở Văn hóa, Thể thao và Du lịch';
const trickyTitle = 'Tổ chức "Lễ hội" mùa xuân,\nbáo cáo\r\nhàng quý';

function trickySnapshot(): SectorSnapshot {
  const visitors = report({
    taskId: 'KH266-III-28',
    agencyId: 'so-vhttdl',
    sector: 'services',
    actuals: { 'luot-khach': 893 },
    receivedAt: provinceInstant('2026-08-01'),
  });
  return computeSnapshot(
    snapshotInput({
      sector: 'services',
      cutoff: 'decree-09-2019',
      deadline: '2026-09-18',
      tasks: [
        rollupTask(
          task({
            id: 'KH266-III-28',
            sector: 'services',
            section: { code: 'III', title: 'Dịch vụ' },
            title: trickyTitle,
            lead: [{ id: 'so-vhttdl', name: tricky }],
            targets: [
              target({ key: 'luot-khach', label: '- Lượt khách', value: 1000, unit: 'lượt' }),
            ],
          }),
          {
            latest: [visitors],
            riskReasons: [
              { code: 'SELF_REPORTED', message: `Đơn vị báo cáo khó khăn: ${tricky} có vướng mắc` },
            ],
          },
        ),
      ],
      reports: [visitors],
      knownAt: '2026-09-10T02:00:00.000Z',
      computedAt: '2026-09-10T02:00:00.000Z',
      revision: 0,
    }),
  );
}

describe('toCsv', () => {
  const csv = toCsv({ snapshots: [trickySnapshot()] });

  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    // Prepare: the file. Act
    const bytes = Buffer.from(csv, 'utf8');
    const withoutQuoted = csv.replace(/"(?:[^"]|"")*"/g, '');

    // Assess
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(withoutQuoted.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('keeps commas, quotes, line breaks and Vietnamese text intact', () => {
    // Prepare: the file. Act
    const rows = parseCsv(csv.slice(1));
    const cells = rows.flat();

    // Assess
    expect(cells).toContain(tricky);
    expect(cells).toContain(trickyTitle);
    expect(cells).toContain(`Đơn vị báo cáo khó khăn: ${tricky} có vướng mắc`);
    expect(cells).toContain('đạt 89,30% kế hoạch');
  });

  it('prints instants on the province’s clock and agencies by name, never by id', () => {
    // Prepare: the file. Act
    const cells = parseCsv(csv.slice(1)).flat();

    // Assess: computed at 02:00 UTC, 09:00 in the province
    expect(cells).toContain('10/09/2026 09:00');
    expect(cells.filter((cell) => cell === tricky).length).toBeGreaterThan(1);
    expect(csv).not.toContain('so-vhttdl');
  });

  it('gives every record the same number of fields', () => {
    // Prepare: the file. Act
    const widths = new Set(parseCsv(csv.slice(1)).map((row) => row.length));

    // Assess
    expect(widths.size).toBe(1);
  });

  it('lays out five titled tables in order, apart by an empty row, in Vietnamese', () => {
    // Prepare: the file. Act
    const rows = parseCsv(csv.slice(1));
    const titles = rows
      .filter((row, i) => i === 0 || rows[i - 1]?.every((cell) => cell === ''))
      .map((row) => row[0]);

    // Assess
    expect(titles).toEqual([
      'Tổng hợp',
      'Tình hình báo cáo',
      'Chỉ tiêu nhiệm vụ',
      'Nhiệm vụ có nguy cơ',
      'Chỉ tiêu của tỉnh',
    ]);
    expect(rows[1]?.slice(0, 3)).toEqual(['Kỳ', 'Lĩnh vực', 'Cách chốt số liệu']);
    expect(rows[2]?.slice(0, 8)).toEqual([
      'Quý III/2026',
      'Dịch vụ',
      'Theo Nghị định 09/2019/NĐ-CP',
      '15/06/2026',
      '14/09/2026',
      '10/09/2026',
      'Sơ bộ',
      '0',
    ]);
  });

  it('neutralises cells Excel would run as formulas', () => {
    // Prepare: the file. Act
    const cells = parseCsv(csv.slice(1)).flat();

    // Assess
    expect(cells).toContain("'- Lượt khách");
    expect(cells).not.toContain('- Lượt khách');
  });

  it('is the same for the same snapshots in any order', () => {
    // Prepare
    const a = trickySnapshot();
    const b = computeSnapshot(exampleInput(null));

    // Act
    const one = toCsv({ snapshots: [a, b] });
    const other = toCsv({ snapshots: [b, a] });

    // Assess: agriculture's tables come before services'
    expect(other).toBe(one);
    expect(one.indexOf('Nông, lâm nghiệp và thủy sản')).toBeLessThan(one.indexOf('Dịch vụ'));
  });
});

describe('field', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+84 25', "'+84 25"],
    ['@sum', "'@sum"],
    ['-, dấu', `"'-, dấu"`],
    [-12.5, '-12.5'],
    [null, ''],
    [true, 'true'],
  ])('writes %j as %s', (cell, written) => {
    // Prepare: the cell. Act
    const result = field(cell);

    // Assess
    expect(result).toBe(written);
  });
});
