import { describe, expect, it } from 'vitest';
import { readPreamble, type PreambleLine } from '#shared/domain/plan/plan-preamble.ts';

const lines = (...texts: string[]): PreambleLine[] =>
  texts.map((text, index) => ({ line: index + 1, text }));

describe('readPreamble', () => {
  it('reads KH266: title, period, number, date and issuing body', () => {
    // Act
    const preamble = readPreamble(
      lines(
        'PHỤ LỤC 8: Các giải pháp … tăng trưởng 6 tháng cuối năm 2026',
        '(Kèm theo Kế hoạch số 266 /KH-UBND ngày 07 tháng 7 năm 2026 của UBND tỉnh Lạng Sơn)',
      ),
    );

    // Assess
    expect(preamble).toEqual({
      title: { line: 1, text: 'PHỤ LỤC 8: Các giải pháp … tăng trưởng 6 tháng cuối năm 2026' },
      period: { start: '2026-07-01', end: '2026-12-31' },
      reference: {
        line: 2,
        number: '266/KH-UBND',
        kind: 'plan',
        code: 'KH266',
        issuedOn: '2026-07-07',
        issuingBody: 'UBND tỉnh Lạng Sơn',
      },
    });
  });

  it.each([
    [
      '(Kèm theo Kế hoạch số 267 /KH-UBND ngày 08/ 7 /2026 của Ủy ban nhân dân tỉnh)',
      'KH267',
      '2026-07-08',
      'UBND tỉnh Lạng Sơn',
    ],
    [
      'Kèm theo Thông báo số 150/TB-UBND ngày 20-5-2026 của UBND TỈNH LẠNG SƠN',
      'TB150',
      '2026-05-20',
      'UBND tỉnh Lạng Sơn',
    ],
    [
      '(kèm theo kế hoạch số 0300/kh-ubnd, ngày 5.1.2027, của UBND xã Chi Lăng.)',
      'KH300',
      '2027-01-05',
      'UBND xã Chi Lăng',
    ],
    [
      '(Kèm theo Kế hoạch số 12/KH-BQL ngày 01/02/2027 của Ủy ban nhân dân xã Nhân Lý)',
      'KH12',
      '2027-02-01',
      'UBND xã Nhân Lý',
    ],
    ['(Kèm theo Kế hoạch số 300/KH-UBND)', 'KH300', null, null],
  ])('reads the reference %j', (text, code, issuedOn, issuingBody) => {
    expect(readPreamble(lines(text)).reference).toMatchObject({ code, issuedOn, issuingBody });
  });

  it('keeps the text of an issuing date that does not exist', () => {
    expect(
      readPreamble(lines('(Kèm theo Kế hoạch số 1/KH-UBND ngày 31/02/2027 của UBND tỉnh)'))
        .reference?.issuedOn,
    ).toEqual({ invalid: '31/02/2027' });
  });

  it.each([
    'Kèm theo Quyết định số 12/QĐ-UBND ngày 01/02/2027',
    'Căn cứ Kế hoạch 266/KH-UBND',
    'Tổng số 266/KH',
  ])('finds no plan reference in %j', (text) => {
    expect(readPreamble(lines(text)).reference).toBeNull();
  });

  it('takes the "Phụ lục" line as the title and reads the period from it before other lines', () => {
    // Act
    const preamble = readPreamble(
      lines(
        'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
        'Lạng Sơn, ngày 07 tháng 7 năm 2026',
        'Nhiệm vụ năm 2027',
        'Phụ lục II. Nhiệm vụ quý III/2026',
        '(Kèm theo Kế hoạch số 300/KH-UBND ngày 07/7/2026 của UBND tỉnh)',
      ),
    );

    // Assess
    expect(preamble.title).toEqual({ line: 4, text: 'Phụ lục II. Nhiệm vụ quý III/2026' });
    expect(preamble.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });
  });

  it('reads the period from another line when the title has none, never from a date', () => {
    // Act
    const preamble = readPreamble(
      lines(
        'Lạng Sơn, ngày 07 tháng 7 năm 2026',
        'PHỤ LỤC: Nhiệm vụ trọng tâm',
        '(giai đoạn 2026 - 2030)',
      ),
    );

    // Assess
    expect(preamble.title?.line).toBe(2);
    expect(preamble.period).toEqual({ start: '2026-01-01', end: '2030-12-31' });
  });

  it('has nothing to say about an empty preamble', () => {
    expect(readPreamble([])).toEqual({ reference: null, title: null, period: null });
  });
});
