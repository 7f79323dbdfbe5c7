/** How a notice's sentences assign work: clauses, assignees, deadlines, coordination. */
import {
  clauseSpans,
  coordinationPhrases,
  deadlinePhrases,
  isInstruction,
  namedCommunes,
  sentenceSpans,
  subjectOf,
} from '#shared/domain/notice/assignment-grammar.ts';
import { describe, expect, it } from 'vitest';

const sentences = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));
const clauses = (text: string) =>
  clauseSpans(text, { start: 0, end: text.length }).map((c) => text.slice(c.start, c.end));

describe('sentenceSpans', () => {
  it('ends a sentence at a full stop before a capital, never inside numbers or parentheses', () => {
    // Act
    const result = sentences(
      'Trồng 2.810,75 ha rừng (xem Mục 2. Phụ lục). Đồng hành với nhà đầu tư. Kết thúc./.',
    );

    // Assess
    expect(result).toEqual([
      'Trồng 2.810,75 ha rừng (xem Mục 2. Phụ lục).',
      'Đồng hành với nhà đầu tư.',
      'Kết thúc./.',
    ]);
  });
});

describe('clauseSpans', () => {
  it('cuts at top-level semicolons and before a new instruction, not inside parentheses', () => {
    // Act
    const result = clauses(
      'Yêu cầu các sở trả lời (như: a; b), giao Văn phòng UBND tỉnh theo dõi; đồng thời, UBND các xã thực hiện',
    );

    // Assess
    expect(result).toEqual([
      'Yêu cầu các sở trả lời (như: a; b)',
      'giao Văn phòng UBND tỉnh theo dõi',
      'đồng thời, UBND các xã thực hiện',
    ]);
  });

  it('does not take "giao thông" for an instruction', () => {
    // Act
    const result = clauses('hỗ trợ hạ tầng, giao thông nông thôn, nước sinh hoạt');

    // Assess
    expect(result).toEqual(['hỗ trợ hạ tầng, giao thông nông thôn, nước sinh hoạt']);
  });
});

describe('subjectOf', () => {
  it.each([
    [
      'xã Nhân Lý nghiên cứu, ứng dụng công nghệ',
      { kind: 'communes', unit: 'xã', names: ['Nhân Lý'] },
    ],
    [
      'Đối với xã Chi Lăng, chủ động rà soát quy hoạch',
      { kind: 'communes', unit: 'xã', names: ['Chi Lăng'] },
    ],
    [
      'UBND các xã: Chi Lăng, Bằng Mạc và Vạn Linh thực hiện',
      { kind: 'communes', unit: 'xã', names: ['Chi Lăng', 'Bằng Mạc', 'Vạn Linh'] },
    ],
    ['đồng thời, UBND các xã nghiêm túc tiếp thu', { kind: 'addressees' }],
    ['trên cơ sở Kế hoạch số 141/KH-UBND, UBND các xã tiếp tục rà soát', { kind: 'addressees' }],
    [
      'Để thực hiện các mục tiêu, nhiệm vụ năm 2026, yêu cầu UBND các xã tiếp tục',
      { kind: 'addressees' },
    ],
    ['UBND các phường tập trung chỉ đạo', { kind: 'addressees' }],
  ])('"%s"', (clause, assignee) => {
    // Act
    const subject = subjectOf(clause);

    // Assess
    expect(subject?.assignee).toEqual(assignee);
  });

  it('reads "Đối với …," as naming the assignee of the whole sentence', () => {
    // Act
    const subject = subjectOf('Đối với xã Chi Lăng, chủ động rà soát');

    // Assess
    expect(subject?.scope).toBe('sentence');
  });

  it('offers the cuts of an agency name, at each known verb, then word by word', () => {
    // Act
    const subject = subjectOf('Yêu cầu các sở, ban, ngành liên quan ban hành văn bản trả lời');

    // Assess
    expect(subject?.assignee).toMatchObject({ kind: 'agencies' });
    const phrases = subject?.assignee.kind === 'agencies' ? subject.assignee.phrases : [];
    expect(phrases[0]).toBe('các sở, ban, ngành liên quan');
    expect(phrases).toContain('các sở, ban, ngành liên quan ban hành văn bản');
  });

  it.each([
    'tiếp tục quán triệt các nghị quyết',
    'Hiện nay, Trung ương chưa giao kế hoạch vốn',
    'chưa đáp ứng yêu cầu nhiệm vụ',
    'phát triển kinh tế - xã hội năm 2026',
    'gửi Sở Dân tộc và Tôn giáo trước ngày 10/6/2026',
  ])('finds no assignee in "%s"', (clause) => {
    // Act
    const subject = subjectOf(clause);

    // Assess
    expect(subject).toBeNull();
  });
});

describe('isInstruction', () => {
  it.each([
    ['Yêu cầu các sở, ban, ngành liên quan ban hành văn bản', true],
    ['giao Văn phòng UBND tỉnh theo dõi', true],
    ['Để thực hiện thắng lợi các mục tiêu, yêu cầu UBND các xã tiếp tục', true],
    ['Các kiến nghị đã được giải đáp tại buổi làm việc', false],
    ['chưa đáp ứng được yêu cầu nhiệm vụ', false],
    ['các tài sản được bàn giao', false],
  ])('"%s": %s', (clause, expected) => {
    // Act
    const result = isInstruction(clause);

    // Assess
    expect(result).toBe(expected);
  });
});

describe('namedCommunes', () => {
  it('reads the communes a title addresses', () => {
    // Act
    const result = namedCommunes(
      'Kết luận … phát triển kinh tế - xã hội … đối với các xã Chi Lăng, Nhân Lý, Quan Sơn, Chiến Thắng, Bằng Mạc, Vạn Linh (kết hợp …)',
    );

    // Assess
    expect(result).toEqual({
      unit: 'xã',
      names: ['Chi Lăng', 'Nhân Lý', 'Quan Sơn', 'Chiến Thắng', 'Bằng Mạc', 'Vạn Linh'],
    });
  });

  it('finds none where "xã" is only a word', () => {
    // Act
    const result = namedCommunes('phát triển kinh tế - xã hội của tỉnh');

    // Assess
    expect(result).toBeNull();
  });
});

describe('deadlinePhrases', () => {
  it('reads a date after trước, chậm nhất, đến, không quá, never a reference date', () => {
    // Act
    const result = deadlinePhrases(
      'theo Kế hoạch số 141/KH-UBND ngày 16/4/2026, gửi trước ngày 10/6/2026, trả lời chậm nhất ngày 05/6/2026, phấn đấu hoàn thành trước ngày 20/6/2026 và không quá ngày 1/7',
    );

    // Assess
    expect(result.map((d) => d.phrase)).toEqual([
      'trước ngày 10/6/2026',
      'chậm nhất ngày 05/6/2026',
      'hoàn thành trước ngày 20/6/2026',
      'không quá ngày 1/7',
    ]);
  });
});

describe('coordinationPhrases', () => {
  it('reads whom to work with, up to where the sentence moves on', () => {
    // Act
    const result = coordinationPhrases(
      'chủ động rà soát; phối hợp chặt chẽ với Sở Xây dựng, Sở Văn hóa, Thể thao và Du lịch trong quá trình triển khai; tăng cường phối hợp với cơ quan thuế trong công tác rà soát; phối hợp tổ chức tốt Kỳ thi',
    );

    // Assess
    expect(result).toEqual(['Sở Xây dựng, Sở Văn hóa, Thể thao và Du lịch', 'cơ quan thuế']);
  });
});
