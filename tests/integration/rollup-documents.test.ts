/**
 * The quarter's documents over HTTP on the local platform: a rollup run, then the Excel
 * workbook and the Word report downloaded and read back, each checked against the JSON
 * snapshot of the same quarter; the report template uploaded, refused, and reset.
 */
import mammoth from 'mammoth';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { TASK_CATEGORIES } from '#shared/domain/rollup/snapshot-schema.ts';
import { TASK_CATEGORY_LABELS } from '#shared/domain/rollup/vn-labels.ts';
import { jobResult } from '../support/jobs.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { wordFile } from '../support/word-file.ts';

let platform: TestPlatform;
let snapshot: SectorSnapshot;
const AGRICULTURE = 'so-nong-nghiep-va-moi-truong';
const provinceNoon = (day: string) => new Date(`${day}T12:00:00+07:00`);

async function reportOn(day: string, taskId: string, body: Record<string, unknown>) {
  vi.setSystemTime(provinceNoon(day));
  const response = await platform.request(`/tasks/${taskId}/reports`, {
    method: 'POST',
    token: platform.tokens.agencies[AGRICULTURE],
    headers: { 'idempotency-key': `${taskId}-${day}` },
    body: JSON.stringify({ period: '2026-Q4', ...body }),
  });
  expect(response.status).toBe(201);
  await platform.bus.drain();
}

/** Long work an admin asks for: the job it answers with, run to its end. */
async function admin(path: string) {
  const response = await platform.request(path, {
    method: 'POST',
    token: platform.tokens.admin,
    headers: { 'idempotency-key': `${path}-${Date.now()}` },
  });
  await jobResult(platform, response);
  await platform.bus.drain();
}

/** A document of the agriculture snapshot, asked for as a client that wants its bytes. */
function download(format: string, accept: string) {
  return platform.request(`/rollups/2026-Q4/agriculture?format=${format}`, {
    token: platform.tokens.viewer,
    headers: { accept },
  });
}

const asBuffer = async (response: Response) => Buffer.from(await response.arrayBuffer());
const paragraphsOf = async (file: Buffer) =>
  (await mammoth.extractRawText({ buffer: file })).value
    .split('\n')
    .filter((line) => line.trim() !== '');

function putTemplate(body: Buffer | string, contentType = DOCX_MEDIA_TYPE) {
  return platform.request('/report-template', {
    method: 'PUT',
    token: platform.tokens.admin,
    headers: { 'content-type': contentType },
    body,
  });
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(provinceNoon('2026-10-01'));
  platform = await startTestPlatform();
  await reportOn('2026-10-20', 'KH266-I-2', {
    status: 'delayed',
    percentComplete: 50,
    actuals: { lua: 12000 },
    obstacles: ['Mưa lũ kéo dài'],
  });
  await reportOn('2026-11-10', 'KH266-I-6', { status: 'completed', percentComplete: 100 });
  vi.setSystemTime(new Date('2027-01-01T00:05:00+07:00'));
  await admin('/risks/scans');
  await admin('/rollups/2026-Q4/runs');
  snapshot = await bodyOf(
    await platform.request('/rollups/2026-Q4/agriculture', { token: platform.tokens.viewer }),
  );
});
afterAll(async () => {
  vi.useRealTimers();
  await platform.stop();
});

describe('the quarter as an Excel workbook', () => {
  it('downloads as .xlsx with typed cells that match the snapshot', async () => {
    // Prepare: the closed snapshot. Act
    const response = await download('xlsx', XLSX_MEDIA_TYPE);
    const sheets = await readXlsxFile(await asBuffer(response));

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="rollup-2026-Q4-agriculture.xlsx"',
    );
    const [header = [], row = []] = sheets.find((s) => s.sheet === 'Tổng hợp')?.data ?? [];
    const cell = (title: string) => row[header.indexOf(title)];
    expect(cell('Lĩnh vực')).toBe('Nông, lâm nghiệp và thủy sản');
    expect(cell('Số liệu')).toBe('Chính thức');
    expect(cell('Số nhiệm vụ')).toBe(snapshot.basis.tasks);
    for (const category of TASK_CATEGORIES) {
      expect(cell(TASK_CATEGORY_LABELS[category])).toBe(snapshot.counts[category]);
    }
    expect(cell('Tiến độ bình quân (%)')).toBe(snapshot.averagePercentComplete);
    // The province's data window for Q4 under Decree 09/2019: 15/09 .. 14/12.
    expect(cell('Đến ngày')).toEqual(new Date(Date.UTC(2026, 11, 14)));
  });

  it('comes back as base64 text to a client that does not ask for it, as API Gateway does', async () => {
    // Prepare
    const bytes = await asBuffer(await download('xlsx', XLSX_MEDIA_TYPE));

    // Act
    const response = await download('xlsx', '*/*');

    // Assess
    expect(await response.text()).toBe(bytes.toString('base64'));
  });
});

describe('the quarter as the province’s Word report', () => {
  it('downloads as .docx whose sentences match the snapshot', async () => {
    // Prepare: the closed snapshot. Act
    const response = await download('docx', DOCX_MEDIA_TYPE);
    const paragraphs = await paragraphsOf(await asBuffer(response));

    // Assess: the delayed rice task is at risk, so the report has one to name
    expect(snapshot.atRisk.length).toBeGreaterThan(0);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX_MEDIA_TYPE);
    expect(response.headers.get('x-report-template')).toBe('default');
    expect(paragraphs).toContain('Tình hình thực hiện nhiệm vụ, chỉ tiêu kế hoạch Quý IV/2026');
    expect(paragraphs).toContain('1. Nông, lâm nghiệp và thủy sản');
    // 12 000 of 15 520 ha reported on KH266-I-2: 77.32 %
    expect(paragraphs).toContain('- Lúa 12.000 ha, đạt 77,32% so với kế hoạch.');
    // The categories' table: each name, then its count.
    for (const category of TASK_CATEGORIES) {
      const at = paragraphs.indexOf(TASK_CATEGORY_LABELS[category]);
      expect(paragraphs[at + 1]).toBe(String(snapshot.counts[category]));
    }
    for (const task of snapshot.atRisk) {
      const sentence = paragraphs.find((p) => p.startsWith(`- ${task.taskId} – `));
      for (const reason of task.reasons) expect(sentence).toContain(reason.message);
    }
    for (const row of snapshot.reporting.filter((r) => r.received < r.expected)) {
      expect(paragraphs).toContain(
        `- ${row.agencyName}: chưa nộp ${row.expected - row.received}/${row.expected} báo cáo.`,
      );
    }
  });
});

describe('bad requests for documents', () => {
  it('answers 400 listing the formats for an unknown one', async () => {
    // Prepare: nothing. Act
    const response = await download('pdf', '*/*');

    // Assess
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).errors).toEqual([
      { field: 'query.format', reason: 'Định dạng phải là một trong: json, csv, xlsx, docx' },
    ]);
  });

  it('answers 404 for a quarter never rolled up', async () => {
    // Prepare: nothing. Act
    const response = await platform.request('/rollups/2025-Q1?format=docx', {
      token: platform.tokens.viewer,
      headers: { accept: DOCX_MEDIA_TYPE },
    });

    // Assess
    expect(response.status).toBe(404);
  });
});

describe('the report template', () => {
  it('hands out the default template to restyle', async () => {
    // Prepare: no upload yet. Act
    const response = await platform.request('/report-template', {
      token: platform.tokens.admin,
      headers: { accept: DOCX_MEDIA_TYPE },
    });
    const paragraphs = await paragraphsOf(await asBuffer(response));

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('x-report-template')).toBe('default');
    expect(paragraphs).toContain('{#linh_vuc}');
  });

  it('fills the province’s own template once uploaded, and the default again once removed', async () => {
    // Prepare
    const template = wordFile([
      'BÁO CÁO NHANH {ky_bao_cao}',
      '{#linh_vuc}{ten}',
      '{#chi_tieu}{cau}{/chi_tieu}{#phan_loai}{ten}: {so_nhiem_vu}{/phan_loai}',
      '{#nguy_co}{cau}{/nguy_co}{#chua_bao_cao}{cau}{/chua_bao_cao}{#bao_cao_muon}{cau}{/bao_cao_muon}',
      '{/linh_vuc}',
    ]);

    // Act
    const upload = await putTemplate(template);
    const filled = await download('docx', DOCX_MEDIA_TYPE);
    const reset = await platform.request('/report-template', {
      method: 'DELETE',
      token: platform.tokens.admin,
    });
    const after = await download('docx', DOCX_MEDIA_TYPE);

    // Assess
    expect(upload.status).toBe(200);
    expect(await bodyOf(upload)).toMatchObject({ source: 'uploaded', bytes: template.length });
    expect(filled.headers.get('x-report-template')).toBe('uploaded');
    expect((await paragraphsOf(await asBuffer(filled)))[0]).toBe('BÁO CÁO NHANH Quý IV/2026');
    expect(reset.status).toBe(200);
    expect(after.headers.get('x-report-template')).toBe('default');
  });

  it('refuses a file that is not a .docx with 422', async () => {
    // Prepare: nothing. Act
    const response = await putTemplate(Buffer.from('not a zip'));

    // Assess
    expect(response.status).toBe(422);
    expect(await bodyOf(response)).toMatchObject({
      errors: [
        { field: 'body', reason: 'Tệp không phải văn bản Word (.docx): không đọc được tệp nén' },
      ],
    });
  });

  it('refuses a template without the required placeholders with 422 naming them', async () => {
    // Prepare
    const template = wordFile([
      '{ky_bao_cao}',
      '{#linh_vuc}{ten}{#chi_tieu}{cau}{/chi_tieu}{/linh_vuc}',
    ]);

    // Act
    const response = await putTemplate(template);

    // Assess
    expect(response.status).toBe(422);
    expect((await bodyOf(response)).errors.map((e: { field: string }) => e.field)).toEqual([
      'template.linh_vuc.phan_loai',
      'template.linh_vuc.nguy_co',
      'template.linh_vuc.chua_bao_cao',
      'template.linh_vuc.bao_cao_muon',
    ]);
  });

  it('refuses a template sent as another media type with 415', async () => {
    // Prepare: nothing. Act
    const response = await putTemplate('{"file": "…"}', 'application/json');

    // Assess
    expect(response.status).toBe(415);
  });
});
