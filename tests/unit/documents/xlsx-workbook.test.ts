import PizZip from 'pizzip';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '#shared/adapters/documents/xlsx-workbook.ts';
import { agricultureSnapshot, riceFigures, SO_NN } from './fixtures.ts';

const snapshot = agricultureSnapshot();
const file = await toXlsx({
  snapshots: [snapshot],
  figures: [riceFigures()],
  agencyNames: new Map([['ban-dan-toc', 'Ban Dân tộc']]),
});
const sheets = await readXlsxFile(file);
const sheet = (name: string) => {
  const found = sheets.find((candidate) => candidate.sheet === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found.data;
};
/** The data row whose cell in `column` is `value`, as a record by header. */
function rowWhere(name: string, column: string, value: unknown): Record<string, unknown> {
  const [header = [], ...rows] = sheet(name);
  const index = header.indexOf(column);
  const row = rows.find((candidate) => candidate[index] === value);
  if (!row) throw new Error(`no row of ${name} with ${column} = ${String(value)}`);
  return Object.fromEntries(header.map((title, i) => [String(title), row[i]]));
}

describe('toXlsx', () => {
  it('has one sheet per table, named in Vietnamese', () => {
    // Prepare: the workbook. Act
    const names = sheets.map((each) => each.sheet);

    // Assess
    expect(names).toEqual([
      'Tổng hợp',
      'Tình hình báo cáo',
      'Chỉ tiêu nhiệm vụ',
      'Nhiệm vụ có nguy cơ',
      'Chỉ tiêu của tỉnh',
    ]);
  });

  it('keeps counts and percentages as numbers and days as dates, in Vietnamese words', () => {
    // Prepare: the workbook. Act
    const summary = rowWhere('Tổng hợp', 'Kỳ', 'Quý III/2026');

    // Assess
    expect(summary).toMatchObject({
      'Lĩnh vực': 'Nông, lâm nghiệp và thủy sản',
      'Cách chốt số liệu': 'Theo Nghị định 09/2019/NĐ-CP',
      'Số liệu': 'Chính thức',
      'Số nhiệm vụ': 8,
      'Hoàn thành đúng hạn': 2,
      'Quá hạn chưa hoàn thành': 1,
      'Chưa báo cáo': 1,
      'Đã hủy': 1,
      'Tiến độ bình quân (%)': 71.43,
      'Số báo cáo': 5,
    });
    expect(summary['Từ ngày']).toEqual(new Date(Date.UTC(2026, 5, 15)));
    expect(summary['Đến ngày']).toEqual(new Date(Date.UTC(2026, 8, 14)));
    // 17:30 UTC on 19/09 is 00:30 on 20/09 in the province (an Excel date is a fraction of
    // days: read back to the millisecond it may land one off, so compare whole seconds).
    const computedAt = summary['Tổng hợp lúc'] as Date;
    expect(Math.round(computedAt.getTime() / 1000)).toBe(Date.UTC(2026, 8, 20, 0, 30) / 1000);
  });

  it('names agencies, never their ids, with rates as numbers', () => {
    // Prepare: the workbook. Act
    const reporting = rowWhere('Tình hình báo cáo', 'Cơ quan', SO_NN.name);
    const risk = rowWhere(
      'Nhiệm vụ có nguy cơ',
      'Lý do',
      'Đơn vị báo cáo vướng mắc: thiếu kinh phí',
    );

    // Assess
    expect(reporting).toMatchObject({
      'Số báo cáo phải nộp': 5,
      'Đã nộp': 4,
      'Nộp đúng hạn': 3,
      'Tỷ lệ đầy đủ (%)': 80,
      'Tỷ lệ đúng hạn (%)': 60,
    });
    expect(risk['Cơ quan chủ trì']).toBe(`${SO_NN.name}; Ban Dân tộc`);
    expect(JSON.stringify(sheets)).not.toContain(SO_NN.id);
  });

  it('writes a decimal plan as the number it is, and an empty actual as an empty cell', () => {
    // Prepare: the workbook. Act
    const maize = rowWhere('Chỉ tiêu nhiệm vụ', 'Chỉ tiêu', 'Ngô');
    const rice = rowWhere('Chỉ tiêu nhiệm vụ', 'Chỉ tiêu', 'Lúa');

    // Assess
    expect(maize['Kế hoạch']).toBe(1005.5);
    expect(maize['Thực hiện']).toBeNull();
    expect(rice).toMatchObject({
      'So sánh': 'Tối thiểu',
      'Thực hiện': 12000,
      'Đạt (% kế hoạch)': 77.32,
      'Đánh giá': 'đạt 77,32% kế hoạch',
      'Kết quả': 'Chưa đạt',
    });
  });

  it('lists the indicator figures with the province’s sentence', () => {
    // Prepare: the workbook. Act
    const rice = rowWhere('Chỉ tiêu của tỉnh', 'Kỳ', 'Quý III/2026');

    // Assess
    expect(rice).toMatchObject({
      'Chỉ tiêu': 'Diện tích gieo trồng lúa',
      'Đơn vị': 'ha',
      'Kế hoạch': 15000,
      'Thực hiện': 14562,
      'Số liệu': 'Ước thực hiện',
      'Đạt (% kế hoạch)': 97.08,
      'Cùng kỳ năm trước': 15559,
      'So cùng kỳ (%)': 93.59,
      'Nội dung': 'Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ',
    });
  });

  it('freezes the header row of every sheet and sizes the columns', () => {
    // Prepare
    const zip = new PizZip(file);

    // Act
    const worksheets = sheets.map(
      (_, index) => zip.file(`xl/worksheets/sheet${index + 1}.xml`)?.asText() ?? '',
    );

    // Assess
    for (const xml of worksheets) {
      expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      expect(xml).toMatch(/<col [^>]*width="\d+/);
    }
  });
});
