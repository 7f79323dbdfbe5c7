import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { defaultReportTemplate } from '#shared/adapters/documents/default-report-template.ts';
import { renderReport, templateProblems } from '#shared/adapters/documents/docx-report.ts';
import { quarterlyReport } from '#shared/domain/rollup/quarterly-report.ts';
import { wordFile } from '../../support/word-file.ts';
import { agricultureSnapshot, riceFigures } from './fixtures.ts';

/** The document's paragraphs (table cells each their own), as Word shows their text. */
async function paragraphsOf(file: Buffer): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: file });
  return value.split('\n').filter((line) => line.trim() !== '');
}

/** Every list a template must hold, each printing its sentences. */
const REQUIRED_LISTS = ['chi_tieu', 'phan_loai', 'nguy_co', 'chua_bao_cao', 'bao_cao_muon'];
const completeTemplate = (extra: readonly string[] = []) =>
  wordFile([
    'Báo cáo {ky_bao_cao}',
    '{#linh_vuc}',
    'Phần {so_thu_tu}: {ten}',
    ...REQUIRED_LISTS.flatMap((name) => [
      `{#${name}}`,
      name === 'phan_loai' ? '{ten}: {so_nhiem_vu}' : '{cau}',
      `{/${name}}`,
    ]),
    ...extra,
    '{/linh_vuc}',
  ]);

describe('the report in the default template', () => {
  it('reads, paragraph by paragraph, as the province writes its report', async () => {
    // Prepare
    const report = quarterlyReport({
      snapshots: [agricultureSnapshot()],
      figures: [riceFigures()],
      agencyNames: new Map([['ban-dan-toc', 'Ban Dân tộc']]),
    });

    // Act
    const paragraphs = await paragraphsOf(renderReport(defaultReportTemplate(), report));

    // Assess
    expect(paragraphs).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH LẠNG SƠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Lạng Sơn, ngày 20 tháng 9 năm 2026',
      'BÁO CÁO',
      'Tình hình thực hiện nhiệm vụ, chỉ tiêu kế hoạch Quý III/2026',
      '(Số liệu từ ngày 15/06/2026 đến ngày 14/09/2026 theo Nghị định 09/2019/NĐ-CP, đánh giá đến ngày 14/09/2026)',
      'Số liệu chính thức',
      '1. Nông, lâm nghiệp và thủy sản',
      'Lĩnh vực có 8 nhiệm vụ được theo dõi, tiến độ thực hiện bình quân đạt 71,43%; đã nhận 5 báo cáo của các cơ quan.',
      '1.1. Kết quả thực hiện các chỉ tiêu',
      '- Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ.',
      '- Lũy kế 9 tháng năm 2026: Cây lúa 14.562 ha (chưa có số liệu 6 tháng đầu năm 2026).',
      '1.2. Kết quả thực hiện nhiệm vụ',
      ...['Phân loại', 'Số nhiệm vụ', 'Tỷ lệ (%)'],
      ...['Hoàn thành đúng hạn', '2', '25,00'],
      ...['Hoàn thành quá hạn', '1', '12,50'],
      ...['Đang thực hiện trong hạn', '2', '25,00'],
      ...['Quá hạn chưa hoàn thành', '1', '12,50'],
      ...['Chưa triển khai', '0', '0,00'],
      ...['Chưa báo cáo', '1', '12,50'],
      ...['Đã hủy', '1', '12,50'],
      ...['Tổng số', '8', '100,00'],
      '1.3. Nhiệm vụ có nguy cơ chậm tiến độ',
      '- KH266-I-1.1 – Rà soát, điều chỉnh quy hoạch vùng sản xuất (chủ trì: Sở Nông nghiệp và Môi trường; Ban Dân tộc): Quá hạn ngày 31/08/2026 chưa hoàn thành; Đơn vị báo cáo vướng mắc: thiếu kinh phí.',
      '1.4. Tình hình báo cáo của các cơ quan',
      'Cơ quan chưa nộp đủ báo cáo:',
      '- Sở Nông nghiệp và Môi trường: chưa nộp 1/5 báo cáo.',
      '- UBND các xã, phường: chưa nộp 1/1 báo cáo.',
      'Cơ quan nộp báo cáo muộn:',
      '- Sở Nông nghiệp và Môi trường: 1 báo cáo nộp muộn (đã nộp 4/5 báo cáo).',
    ]);
  });

  it('says so when a sector has no figures, no task at risk and every report on time', async () => {
    // Prepare
    const snapshot = agricultureSnapshot({ targets: [], atRisk: [], reporting: [] });
    const report = quarterlyReport({ snapshots: [snapshot] });

    // Act
    const paragraphs = await paragraphsOf(renderReport(defaultReportTemplate(), report));

    // Assess
    expect(paragraphs).toContain('Chưa có số liệu chỉ tiêu trong kỳ.');
    expect(paragraphs).toContain('Không có nhiệm vụ có nguy cơ chậm tiến độ.');
    expect(paragraphs).toContain('- Các cơ quan đã nộp đủ báo cáo.');
    expect(paragraphs).toContain('- Không có cơ quan nộp báo cáo muộn.');
  });

  it('passes its own check', () => {
    // Prepare: the shipped template. Act
    const problems = templateProblems(defaultReportTemplate());

    // Assess
    expect(problems).toEqual([]);
  });
});

describe('a province’s own template', () => {
  it('is filled with the same sentences in its own layout', async () => {
    // Prepare
    const template = completeTemplate(['Kỳ: {ky_bao_cao}']);
    const report = quarterlyReport({ snapshots: [agricultureSnapshot()] });

    // Act
    const paragraphs = await paragraphsOf(renderReport(template, report));

    // Assess: a period placeholder inside a sector's loop reads the report's
    expect(templateProblems(template)).toEqual([]);
    expect(paragraphs.slice(0, 4)).toEqual([
      'Báo cáo Quý III/2026',
      'Phần 1: Nông, lâm nghiệp và thủy sản',
      'Lúa 12.000 ha, đạt 77,32% so với kế hoạch, bằng 96,00% cùng kỳ.',
      'Hoàn thành đúng hạn: 2',
    ]);
    expect(paragraphs.at(-1)).toBe('Kỳ: Quý III/2026');
  });

  it('is refused when it is not a Word file', () => {
    // Prepare
    const text = Buffer.from('Báo cáo {ky_bao_cao}', 'utf8');
    const zip = new PizZip();
    zip.file('hello.txt', 'hello');

    // Act
    const notZip = templateProblems(text);
    const notWord = templateProblems(zip.generate({ type: 'nodebuffer' }));

    // Assess
    expect(notZip).toEqual([
      { field: 'body', reason: 'Tệp không phải văn bản Word (.docx): không đọc được tệp nén' },
    ]);
    expect(notWord).toEqual([
      { field: 'body', reason: 'Tệp không phải văn bản Word (.docx): thiếu word/document.xml' },
    ]);
  });

  it('names every required placeholder it lacks, where it belongs', () => {
    // Prepare: the period is there, the sectors' loop holds only the name
    const template = wordFile(['{ky_bao_cao}', '{#linh_vuc}{ten}{/linh_vuc}']);

    // Act
    const problems = templateProblems(template);

    // Assess
    expect(problems.map((problem) => problem.field)).toEqual(
      REQUIRED_LISTS.map((name) => `template.linh_vuc.${name}`),
    );
    expect(problems[0]?.reason).toBe(
      'Thiếu {#chi_tieu}…{/chi_tieu} trong {#linh_vuc}…{/linh_vuc} (Các câu về chỉ tiêu: Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ.)',
    );
  });

  it('is refused when a list sits outside the sectors’ loop', () => {
    // Prepare: the risks' list after the loop has closed
    const template = wordFile([
      '{ky_bao_cao}',
      '{#linh_vuc}{ten}{#chi_tieu}{cau}{/chi_tieu}{#phan_loai}{ten}{/phan_loai}',
      '{#chua_bao_cao}{cau}{/chua_bao_cao}{#bao_cao_muon}{cau}{/bao_cao_muon}{/linh_vuc}',
      '{#nguy_co}{cau}{/nguy_co}',
    ]);

    // Act
    const problems = templateProblems(template);

    // Assess
    expect(problems).toEqual([
      expect.objectContaining({ field: 'template.linh_vuc.nguy_co' }),
      { field: 'template.nguy_co', reason: 'Trường {nguy_co} không có trong dữ liệu báo cáo' },
    ]);
  });

  it('names placeholders the report has no data for', () => {
    // Prepare
    const template = completeTemplate(['{chu_ky}']);

    // Act
    const problems = templateProblems(template);

    // Assess
    expect(problems).toEqual([
      {
        field: 'template.linh_vuc.chu_ky',
        reason: 'Trường {chu_ky} không có trong dữ liệu báo cáo',
      },
    ]);
  });

  it('says in Vietnamese which tag is malformed', () => {
    // Prepare
    const unclosed = wordFile(['{ky_bao_cao', '{#linh_vuc}{ten}']);

    // Act
    const problems = templateProblems(unclosed);

    // Assess
    expect(problems).toContainEqual({
      field: 'template',
      reason: 'Thẻ "{ky_bao_cao" thiếu dấu } đóng',
    });
    expect(problems).toContainEqual({
      field: 'template',
      reason: 'Danh sách {#linh_vuc} chưa được đóng bằng {/linh_vuc}',
    });
  });
});
