import { describe, expect, it } from 'vitest';
import { attachment } from '#shared/platform/content-disposition.ts';

describe('attachment', () => {
  it('names an ASCII file as it is', () => {
    // Prepare
    const name = 'tong-hop-2026-Q3-agriculture.xlsx';

    // Act
    const header = attachment(name);

    // Assess
    expect(header).toBe('attachment; filename="tong-hop-2026-Q3-agriculture.xlsx"');
  });

  it('keeps a Vietnamese name in filename* with an unaccented fallback', () => {
    // Prepare
    const name = 'Báo cáo Quý III đạt "89%".docx';

    // Act
    const header = attachment(name);

    // Assess
    expect(header).toBe(
      `attachment; filename="Bao cao Quy III dat _89%_.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    const encoded = header.split("UTF-8''")[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});
