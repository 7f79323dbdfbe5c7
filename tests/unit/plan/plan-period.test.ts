import { describe, expect, it } from 'vitest';
import { readPeriod } from '#shared/domain/plan/plan-period.ts';

const range = (start: string, end: string) => ({ start, end });

describe('readPeriod: the periods plan titles name', () => {
  it.each([
    // half and three quarters of a year
    ['… tăng trưởng 6 tháng cuối năm 2026', range('2026-07-01', '2026-12-31')],
    ['Nhiệm vụ 6 tháng đầu năm 2026', range('2026-01-01', '2026-06-30')],
    ['SÁU THÁNG ĐẦU NĂM 2027', range('2027-01-01', '2027-06-30')],
    ['9 tháng đầu năm 2026', range('2026-01-01', '2026-09-30')],
    ['6  tháng   cuối\nnăm 2026', range('2026-07-01', '2026-12-31')],
    // quarters and months
    ['Kế hoạch quý III/2026', range('2026-07-01', '2026-09-30')],
    ['quý III năm 2026', range('2026-07-01', '2026-09-30')],
    ['Quý 4 / 2026', range('2026-10-01', '2026-12-31')],
    ['quý III-IV/2026', range('2026-07-01', '2026-12-31')],
    ['Quý I – II năm 2027', range('2027-01-01', '2027-06-30')],
    ['tháng 7/2026', range('2026-07-01', '2026-07-31')],
    ['Tháng 7 - 9/2026', range('2026-07-01', '2026-09-30')],
    ['tháng 2 năm 2028', range('2028-02-01', '2028-02-29')],
    // years
    ['Nhiệm vụ trọng tâm năm 2027', range('2027-01-01', '2027-12-31')],
    ['kế hoạch 5 năm 2026-2030', range('2026-01-01', '2030-12-31')],
    ['giai đoạn 2026 - 2030', range('2026-01-01', '2030-12-31')],
    ['Giai đoạn 2026–2030', range('2026-01-01', '2030-12-31')],
    [
      'Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050',
      range('2021-01-01', '2030-12-31'),
    ],
    ['THỜI KỲ 2021-2030', range('2021-01-01', '2030-12-31')],
    ['giai đoạn từ năm 2026 đến năm 2030', range('2026-01-01', '2030-12-31')],
    ['từ năm 2026 đến 2028', range('2026-01-01', '2028-12-31')],
    // the first period wins; dates and horizons are skipped on the way
    ['ngày 07 tháng 7 năm 2026: nhiệm vụ quý IV/2026', range('2026-10-01', '2026-12-31')],
    ['Lạng Sơn, ngày 07/7/2026 — năm 2027', range('2027-01-01', '2027-12-31')],
    ['định hướng đến năm 2030, thực hiện năm 2026', range('2026-01-01', '2026-12-31')],
    ['quý V/2026 năm 2026', range('2026-01-01', '2026-12-31')],
  ])('%j → %j', (text, expected) => {
    // Act
    const period = readPeriod(text);

    // Assess
    expect(period).toEqual(expected);
  });

  it.each([
    'Các nhiệm vụ trọng tâm',
    'tầm nhìn đến năm 2050',
    'hoàn thành trước năm 2030',
    'ngày 07 tháng 7 năm 2026',
    'Tháng 13/2026',
    'giai đoạn 2030 - 2026',
    'quý IV-III/2026',
    '9 tháng cuối năm 2026',
    'năm 0000',
    'năm 20261',
    'Quyết định số 2026',
    '',
  ])('reads no period in %j', (text) => {
    expect(readPeriod(text)).toBeNull();
  });
});
