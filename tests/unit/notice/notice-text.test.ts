/** A notice's text export read into clean paragraphs that know their source lines. */
import { lineAt, paragraphFrom, readNoticeParagraphs } from '#shared/domain/notice/notice-text.ts';
import { outlineNotice } from '#shared/domain/notice/notice-outline.ts';
import { describe, expect, it } from 'vitest';

describe('readNoticeParagraphs', () => {
  it('removes heading, bold and list marks, keeping whether a line was a heading or an item', () => {
    // Prepare
    const text = '## **2. Nhiệm vụ**\n\n**(3) Về nông nghiệp:**\n\n- Trồng ***rừng*** mới.';

    // Act
    const paragraphs = readNoticeParagraphs(text);

    // Assess
    expect(paragraphs.map((p) => [p.text, p.line, p.heading, p.bullet])).toEqual([
      ['2. Nhiệm vụ', 1, true, false],
      ['(3) Về nông nghiệp:', 3, false, false],
      ['Trồng rừng mới.', 5, false, true],
    ]);
  });

  it('drops footnote marks and the footnotes a page printed, decoding entities', () => {
    // Prepare
    const text = [
      'Ban Thường vụ Tỉnh ủy<sup>1</sup> đã làm việc &amp; kết luận.',
      '',
      '<sup>1</sup> Quyết định số 58-QĐ/TU ngày 20/11/2025.',
      '',
      'Đoạn sau.',
    ].join('\n');

    // Act
    const paragraphs = readNoticeParagraphs(text);

    // Assess
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Ban Thường vụ Tỉnh ủy đã làm việc & kết luận.',
      'Đoạn sau.',
    ]);
  });

  it('joins a paragraph a page break cut, across a footnote, and knows each half’s line', () => {
    // Prepare
    const text = [
      'xã Nhân Lý thu ngân sách vượt 269,2% kế',
      '',
      '<sup>1</sup> Chú thích.',
      '',
      'hoạch; xã Vạn Linh vượt kế hoạch.',
    ].join('\n');

    // Act
    const [paragraph, ...rest] = readNoticeParagraphs(text);

    // Assess
    expect(rest).toEqual([]);
    expect(paragraph?.text).toBe(
      'xã Nhân Lý thu ngân sách vượt 269,2% kế hoạch; xã Vạn Linh vượt kế hoạch.',
    );
    const second = paragraph?.text.indexOf('xã Vạn Linh') ?? -1;
    expect(paragraph && lineAt(paragraph, 0)).toBe(1);
    expect(paragraph && lineAt(paragraph, second)).toBe(5);
  });

  it('does not join a finished sentence, a heading or a list item to what follows', () => {
    // Prepare
    const text = 'Câu đã hết.\n\nhết rồi\n\n### 3. Kiến nghị\n\nđoạn mới\n\nchưa hết\n\n- mục';

    // Act
    const paragraphs = readNoticeParagraphs(text);

    // Assess
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Câu đã hết.',
      'hết rồi',
      '3. Kiến nghị',
      'đoạn mới chưa hết',
      'mục',
    ]);
  });

  it('stops at the distribution list', () => {
    // Prepare
    const text =
      'Giao Sở Tài chính thực hiện./.\n\n***Nơi nhận:***\n\n- Như trên;\n\n**Lê Anh Tùng**';

    // Act
    const paragraphs = readNoticeParagraphs(text);

    // Assess
    expect(paragraphs.map((p) => p.text)).toEqual(['Giao Sở Tài chính thực hiện./.']);
  });

  it('keeps a literal asterisk and a lone "<" as text', () => {
    // Act
    const [paragraph] = readNoticeParagraphs('Chỉ tiêu (*) đạt < 5% kế hoạch.');

    // Assess
    expect(paragraph?.text).toBe('Chỉ tiêu (*) đạt < 5% kế hoạch.');
  });

  it('cuts a paragraph at an offset, its lines still right', () => {
    // Prepare
    const [paragraph] = readNoticeParagraphs(
      '(6) Về tài sản: phấn đấu hoàn thành trước\n\nngày 20/6/2026.',
    );
    if (!paragraph) throw new Error('no paragraph');

    // Act
    const body = paragraphFrom(paragraph, paragraph.text.indexOf(':') + 1);

    // Assess
    expect(body.text).toBe('phấn đấu hoàn thành trước ngày 20/6/2026.');
    expect(lineAt(body, body.text.indexOf('ngày'))).toBe(3);
  });
});

describe('outlineNotice', () => {
  it('finds the title, the parts and their items with headings', () => {
    // Prepare
    const text = [
      'Số: 150/TB-UBND',
      '## THÔNG BÁO',
      '**Kết luận tại buổi làm việc**',
      'Ngày 27/5/2026, đã làm việc.',
      '### 1. Đánh giá chung',
      'Tình hình ổn định.',
      '## **2. Nhiệm vụ trong thời gian tới**',
      'Yêu cầu UBND các xã thực hiện:',
      '(1) Về du lịch: quảng bá.',
      '**(5) Về thực hiện các dự án đầu tư**',
      '- Đẩy nhanh giải ngân.',
      '(6) triển khai ngay.',
    ].join('\n');

    // Act
    const outline = outlineNotice(readNoticeParagraphs(text));

    // Assess
    expect(outline.front.map((p) => p.text)).toEqual(['Số: 150/TB-UBND']);
    expect(outline.title?.text).toBe('Kết luận tại buổi làm việc');
    expect(outline.opening.map((p) => p.text)).toEqual(['Ngày 27/5/2026, đã làm việc.']);
    expect(outline.parts.map((p) => [p.number, p.title, p.items.length])).toEqual([
      ['1', 'Đánh giá chung', 0],
      ['2', 'Nhiệm vụ trong thời gian tới', 3],
    ]);
    const items = outline.parts[1]?.items ?? [];
    expect(items.map((i) => [i.number, i.heading, i.body.map((p) => p.text)])).toEqual([
      ['1', 'Về du lịch', ['quảng bá.']],
      ['5', 'Về thực hiện các dự án đầu tư', ['Đẩy nhanh giải ngân.']],
      ['6', '', ['triển khai ngay.']],
    ]);
    expect(outline.parts[1]?.intro.map((p) => p.text)).toEqual(['Yêu cầu UBND các xã thực hiện:']);
  });
});
