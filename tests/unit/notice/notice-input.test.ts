/** Notices other than the seed: what the text says for itself, and what is refused. */
import { NoticeError } from '#shared/domain/notice/notice-error.ts';
import { parseConclusionNotice, type NoticeSource } from '#shared/domain/notice/notice-parser.ts';
import type { NoticeOverrides } from '#shared/domain/notice/notice-model.ts';
import { MAX_NOTICE_CHARACTERS } from '#shared/domain/notice/notice-text.ts';
import { UnprocessableError } from '#shared/domain/errors.ts';
import { seedAgencyRegistry } from '#shared/seed-registry.ts';
import { describe, expect, it } from 'vitest';
import { smallNotice, TEST_OVERRIDES } from '../../support/notice-fixtures.ts';

const registry = seedAgencyRegistry();

function refusal(source: NoticeSource, overrides: NoticeOverrides = TEST_OVERRIDES): NoticeError {
  try {
    parseConclusionNotice(source, { registry, overrides });
  } catch (error) {
    if (error instanceof NoticeError) return error;
    throw error;
  }
  throw new Error('the notice was accepted');
}

describe('parseConclusionNotice reads from the text', () => {
  it('the number, date and issuing body a full notice prints in its header', () => {
    // Prepare
    const text = [
      'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
      'Số: 150 /TB-UBND',
      'Lạng Sơn, ngày 29 tháng 5 năm 2026',
      smallNotice('### 1. Nhiệm vụ\n\n(1) Về du lịch: UBND các xã quảng bá du lịch.').text,
    ].join('\n');

    // Act
    const { plan, tasks } = parseConclusionNotice({ file: 'tb-150.txt', text }, { registry });

    // Assess
    expect(plan).toMatchObject({
      code: 'TB150',
      number: '150/TB-UBND',
      issuedOn: '2026-05-29',
      issuingBody: 'UBND tỉnh Lạng Sơn',
      period: { start: '2026-05-29', end: '2026-12-31' },
    });
    expect(tasks.map((t) => t.id)).toEqual(['TB150-1-1']);
  });

  it('the communes of "UBND các xã" from the title, or the collective when it names none', () => {
    // Prepare
    const body = '### 1. Nhiệm vụ\n\n(1) Về du lịch: UBND các xã quảng bá du lịch.';
    const named = smallNotice(body);
    const unnamed = {
      ...named,
      text: named.text.replace('với các xã Chi Lăng, Hồ Sơn', 'với các xã'),
    };

    // Act
    const toNamed = parseConclusionNotice(named, { registry, overrides: TEST_OVERRIDES });
    const toAll = parseConclusionNotice(unnamed, { registry, overrides: TEST_OVERRIDES });

    // Assess
    expect(toNamed.tasks[0]?.lead.map((r) => r.id)).toEqual(['ubnd-xa-chi-lang', 'ubnd-xa-ho-son']);
    expect(toAll.tasks[0]?.lead.map((r) => r.id)).toEqual(['ubnd-cap-xa']);
  });

  it('a deadline without a year in the notice year, and a reference date as no deadline', () => {
    // Prepare
    const source = smallNotice(
      [
        '### 1. Nhiệm vụ',
        '',
        '(1) Về du lịch: triển khai Kế hoạch số 141/KH-UBND ngày 16/4/2026. Báo cáo kết quả chậm nhất ngày 15/7.',
      ].join('\n'),
    );

    // Act
    const { tasks } = parseConclusionNotice(source, { registry, overrides: TEST_OVERRIDES });

    // Assess
    expect(tasks.map((t) => [t.id, t.schedule.kind, t.schedule.due])).toEqual([
      ['TB150-1-1.1', 'unspecified', '2026-12-31'],
      ['TB150-1-1.2', 'deadline', '2026-07-15'],
    ]);
  });

  it('an instruction to an agency by name, and a name nobody knows as unresolved', () => {
    // Prepare
    const source = smallNotice(
      [
        '### 1. Nhiệm vụ',
        '',
        '(1) Về du lịch: UBND các xã quảng bá du lịch.',
        '',
        '### 2. Về kiến nghị',
        '',
        'Giao Sở Tài chính tổng hợp kiến nghị; giao Ban Quản lý Khu du lịch Mẫu Sơn phối hợp thực hiện.',
      ].join('\n'),
    );

    // Act
    const { tasks, unresolved } = parseConclusionNotice(source, {
      registry,
      overrides: TEST_OVERRIDES,
    });

    // Assess
    expect(tasks.filter((t) => t.id.startsWith('TB150-2-')).map((t) => t.lead)).toEqual([
      [{ id: 'so-tai-chinh', name: 'Sở Tài chính' }],
      [],
    ]);
    expect(unresolved).toEqual([
      {
        name: 'Ban Quản lý Khu du lịch Mẫu Sơn',
        cells: [{ file: 'tb-150.txt', line: 11, column: 'lead' }],
        // Another management board is the closest the registry has: a hint, not a match.
        suggestions: [expect.objectContaining({ id: 'bql-khu-ktck-dong-dang-lang-son' })],
      },
    ]);
  });
});

describe('parseConclusionNotice refuses', () => {
  it('a text with no numbered items', () => {
    // Prepare
    const source = smallNotice('### 1. Đánh giá chung\n\nTình hình kinh tế - xã hội ổn định.');

    // Act
    const error = refusal(source);

    // Assess
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(error.code).toBe('invalid-notice');
    expect(error.issues).toEqual([
      {
        file: 'tb-150.txt',
        line: 0,
        code: 'NO_NUMBERED_ITEMS',
        message: 'Không tìm thấy nhiệm vụ được đánh số "(1)", "(2)"… trong các mục của thông báo.',
      },
    ]);
  });

  it('a text that is no notice at all', () => {
    // Act
    const error = refusal({ file: 'x.txt', text: 'STT\tNhiệm vụ\n1\tLàm đường' });

    // Assess
    expect(error.issues.map((i) => i.code)).toContain('NO_NUMBERED_ITEMS');
  });

  it('a deadline on a date that does not exist, naming the line', () => {
    // Prepare
    const source = smallNotice('### 1. Nhiệm vụ\n\n(1) Về du lịch: báo cáo trước ngày 31/6/2026.');

    // Act
    const error = refusal(source);

    // Assess
    expect(error.issues).toEqual([
      {
        file: 'tb-150.txt',
        line: 7,
        code: 'IMPOSSIBLE_DATE',
        message: 'Thời hạn "trước ngày 31/6/2026" không phải là một ngày có thật.',
      },
    ]);
  });

  it('an item number repeated within a part', () => {
    // Prepare
    const source = smallNotice(
      '### 1. Nhiệm vụ\n\n(1) Về du lịch: quảng bá du lịch.\n\n(1) Về văn hóa: bảo tồn di tích.',
    );

    // Act
    const error = refusal(source);

    // Assess
    expect(error.issues.map((i) => [i.code, i.line])).toEqual([['DUPLICATE_ITEM', 9]]);
  });

  it('a sector given in the request that does not exist, before parsing', async () => {
    // Prepare
    const { noticeOverridesSchema } = await import('#shared/domain/notice/notice-model.ts');

    // Act
    const result = noticeOverridesSchema.safeParse({ sectors: { '1.1': 'tourism' } });

    // Assess
    expect(result.success).toBe(false);
  });

  it('a text longer than a notice can be', () => {
    // Prepare
    const text = 'a'.repeat(MAX_NOTICE_CHARACTERS + 1);

    // Act
    const error = refusal({ file: 'big.txt', text });

    // Assess
    expect(error.issues.map((i) => i.code)).toEqual(['NOTICE_TOO_LARGE']);
  });
});

describe('parseConclusionNotice on pathological text', () => {
  /** `unit` repeated to just under the size limit, after `head`. */
  const fill = (head: string, unit: string) =>
    head + unit.repeat(Math.floor((MAX_NOTICE_CHARACTERS - 500 - head.length) / unit.length));

  // No timing assertion: the timeout only guards against a catastrophic (super-linear) case.
  it.each([
    ['items', fill('', '(1) ')],
    ['asterisks', fill('(1) Về du lịch: ', '**a ')],
    ['commas after an opening', fill('(1) Về du lịch: Trên cơ sở ', 'a, ')],
    ['parentheses', fill('(1) Về du lịch: ', '(')],
    ['capitalised names', fill('(1) Về du lịch: các xã ', 'Chi Lăng, ')],
    ['instructions', fill('(1) Về du lịch: ', 'Giao Sở Tài chính tổng hợp. ')],
    ['assignments in parentheses', `${fill('(1) Về du lịch: a (như: ', 'xã Chi Lăng làm; ')})`],
    ['lines a page break cut', fill('(1) Về du lịch: quảng bá', '\nvà')],
    ['agencies to work with', fill('(1) Về du lịch: ', 'phối hợp với Sở Xây dựng; ')],
  ])('%s parse without blowing up', { timeout: 20_000 }, (_name, body) => {
    // Prepare
    const source = smallNotice(`### 1. Nhiệm vụ\n\n${body}`);

    // Act
    const run = () => {
      try {
        return parseConclusionNotice(source, { registry, overrides: TEST_OVERRIDES }).tasks.length;
      } catch (error) {
        if (error instanceof NoticeError) return -1;
        throw error;
      }
    };

    // Assess
    expect(source.text.length).toBeLessThanOrEqual(MAX_NOTICE_CHARACTERS);
    expect(run()).toBeGreaterThan(0);
  });
});
