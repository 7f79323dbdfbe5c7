/**
 * Messages in words: Vietnamese, agencies and plans by name (never an id outside a link),
 * periods and dates as the province writes them, links under the public address.
 */
import { describe, expect, it } from 'vitest';
import type { MessageContent, TaskRef } from '#shared/domain/reminder/message-content.ts';
import { MAX_LISTED, renderMessage } from '#shared/domain/reminder/message-text.ts';
import { messageIdOf, restrictContent } from '#shared/domain/reminder/outbox-message.ts';

const BASE = 'https://tiendo.langson.gov.vn/';

const ref = (ordinal: string, title = `Nhiệm vụ số ${ordinal}`): TaskRef => ({
  id: `KH266-I-${ordinal}`,
  title,
  plan: 'Kế hoạch số 266/KH-UBND',
  section: 'I',
  ordinal,
});

const reminder: MessageContent = {
  kind: 'reminder',
  period: '2026-Q4',
  deadline: '2026-12-18',
  on: '2026-12-13',
  recipient: { id: 'so-nong-nghiep-va-moi-truong', name: 'Sở Nông nghiệp và Môi trường' },
  tasks: [ref('2', 'Gieo trồng cây vụ mùa'), ref('3')],
};

/** The text without its links: what a reader reads as words. */
const wordsOf = (text: string) => text.replace(/https:\/\/\S+/g, '');

describe('renderMessage', () => {
  it('reminds an agency of each task it owes, the deadline and the days left, with its inbox', () => {
    // Act
    const { subject, text } = renderMessage(reminder, BASE);

    // Assess
    expect(subject).toBe('Nhắc gửi báo cáo Quý IV/2026: 2 nhiệm vụ chưa báo cáo, hạn 18/12/2026');
    expect(text).toContain('Kính gửi: Sở Nông nghiệp và Môi trường');
    expect(text).toContain('Hạn gửi báo cáo Quý IV/2026 là hết ngày 18/12/2026 (còn 5 ngày).');
    expect(text).toContain('1. Kế hoạch số 266/KH-UBND, mục I, STT 2: Gieo trồng cây vụ mùa');
    expect(text).toContain('https://tiendo.langson.gov.vn/co-quan/so-nong-nghiep-va-moi-truong\n');
    expect(wordsOf(text)).not.toMatch(/so-nong|KH266-I|2026-Q4/);
  });

  it('says the deadline is today on its last day', () => {
    // Act
    const { text } = renderMessage({ ...reminder, on: '2026-12-18' }, BASE);

    // Assess
    expect(text).toContain('(hôm nay là ngày cuối cùng)');
  });

  it('escalates with each late agency, its tasks and its inbox', () => {
    // Prepare
    const escalation: MessageContent = {
      kind: 'escalation',
      period: '2026-11',
      deadline: '2026-11-18',
      on: '2026-11-22',
      recipient: { id: 'van-phong-ubnd-tinh', name: 'Văn phòng UBND tỉnh' },
      late: [
        { agency: { id: 'so-cong-thuong', name: 'Sở Công Thương' }, tasks: [ref('7')] },
        { agency: { id: 'so-y-te', name: 'Sở Y tế' }, tasks: [ref('8'), ref('9')] },
      ],
    };

    // Act
    const { subject, text } = renderMessage(escalation, BASE);

    // Assess
    expect(subject).toBe('Báo cáo tháng 11/2026 quá hạn: 2 cơ quan chưa báo cáo 3 nhiệm vụ');
    expect(text).toContain(
      'Hạn gửi báo cáo tháng 11/2026 đã hết ngày 18/11/2026. Đến ngày 22/11/2026',
    );
    expect(text).toContain(
      '2. Sở Y tế (2 nhiệm vụ), https://tiendo.langson.gov.vn/co-quan/so-y-te',
    );
    expect(text).toContain('   - Kế hoạch số 266/KH-UBND, mục I, STT 9: Nhiệm vụ số 9');
    expect(wordsOf(text)).not.toMatch(/so-y-te|so-cong-thuong|KH266-I/);
  });

  it('writes the digest in three sections, and lists no more than it should', () => {
    // Prepare
    const many = Array.from({ length: MAX_LISTED + 2 }, (_, i) => ref(String(i + 1)));
    const digest: MessageContent = {
      kind: 'digest',
      week: { code: '2026-W50', start: '2026-12-01', end: '2026-12-07' },
      on: '2026-12-07',
      recipient: { id: 'lanh-dao-tinh', name: 'Lãnh đạo UBND tỉnh' },
      newRisks: [{ task: ref('2'), reasons: ['Đã quá hạn 5 ngày'] }],
      newlyLate: [],
      completed: many,
    };

    // Act
    const { subject, text } = renderMessage(digest, BASE);

    // Assess
    expect(subject).toBe(
      'Bản tin tiến độ tuần từ 01/12/2026 đến 07/12/2026: 1 nhiệm vụ mới có nguy cơ, 0 báo cáo mới quá hạn, 52 nhiệm vụ hoàn thành',
    );
    expect(text).toContain('I. NHIỆM VỤ MỚI CÓ NGUY CƠ CHẬM (1)');
    expect(text).toContain(
      '   Lý do: Đã quá hạn 5 ngày\n   https://tiendo.langson.gov.vn/nhiem-vu/KH266-I-2',
    );
    expect(text).toContain('II. BÁO CÁO MỚI QUÁ HẠN (0)\nKhông có.');
    expect(text).toContain(`${MAX_LISTED}. Kế hoạch số 266/KH-UBND, mục I, STT ${MAX_LISTED}:`);
    expect(text).not.toContain(`${MAX_LISTED + 1}. Kế hoạch`);
    expect(text).toContain('… và 2 nhiệm vụ khác.');
  });
});

describe('a message’s identity and what it won', () => {
  it('derives the same id from the same claims in any order', () => {
    // Prepare
    const a = { agencyId: 'so-y-te', taskId: 'KH267-VI-43', recipientId: 'so-y-te' };
    const b = { agencyId: 'so-y-te', taskId: 'KH267-VI-44', recipientId: 'so-y-te' };

    // Act and Assess
    expect(messageIdOf('reminder', '2026-Q4', 'so-y-te', [a, b])).toBe(
      messageIdOf('reminder', '2026-Q4', 'so-y-te', [b, a]),
    );
    expect(messageIdOf('reminder', '2026-Q4', 'so-y-te', [a])).not.toBe(
      messageIdOf('reminder', '2026-Q4', 'so-y-te', [a, b]),
    );
    expect(messageIdOf('escalation', '2026-Q4', 'so-y-te', [a])).not.toBe(
      messageIdOf('reminder', '2026-Q4', 'so-y-te', [a]),
    );
  });

  it('keeps only the tasks a draft won', () => {
    // Prepare
    const won = [
      {
        agencyId: 'so-nong-nghiep-va-moi-truong',
        taskId: 'KH266-I-3',
        recipientId: 'so-nong-nghiep-va-moi-truong',
      },
    ];

    // Act
    const narrowed = restrictContent(reminder, won);

    // Assess
    expect(narrowed).toMatchObject({ tasks: [{ id: 'KH266-I-3' }] });
  });
});
