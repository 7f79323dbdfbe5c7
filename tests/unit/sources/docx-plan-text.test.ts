/** How a Word body becomes the plan export form: structure, formatting, text. */
import { cellText } from '#shared/domain/plan/cell-text.ts';
import { docxToPlanText } from '#shared/domain/sources/docx-plan-text.ts';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  docxOfBody,
  docxOfXml,
  rowXml,
  tableXml,
  W_NAMESPACE,
} from '../../support/zip-fixtures.ts';

const text = (value: string, bold = false) =>
  new Paragraph({ children: [new TextRun({ text: value, bold })] });
const cell = (value: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children: [text(value)], ...extra });

async function docxOf(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

const lines = async (bytes: Uint8Array) => (await docxToPlanText(bytes, 'test.docx')).split('\n');

describe('docxToPlanText: table structure', () => {
  it('writes the preamble paragraphs, then one line per row with tab-joined cells', async () => {
    // Prepare
    const bytes = await docxOf([
      text('PHỤ LỤC 1'),
      text('(Kèm theo Kế hoạch số 300/KH-UBND ngày 01/8/2026)'),
      new Table({
        columnWidths: [1000, 3000, 3000],
        rows: [
          new TableRow({
            tableHeader: true,
            children: ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì'].map((v) => cell(v)),
          }),
          new TableRow({ children: ['1', 'Làm đường', 'Sở Xây dựng'].map((v) => cell(v)) }),
        ],
      }),
    ]);

    // Act
    const result = await lines(bytes);

    // Assess
    expect(result).toEqual([
      'PHỤ LỤC 1',
      '(Kèm theo Kế hoạch số 300/KH-UBND ngày 01/8/2026)',
      'STT\tNhiệm vụ\tCơ quan chủ trì',
      '1\tLàm đường\tSở Xây dựng',
    ]);
  });

  it('fills the columns a horizontally merged cell spans, keeping the column count', async () => {
    // Prepare
    const bytes = await docxOf([
      new Table({
        columnWidths: [1000, 2000, 2000, 2000],
        rows: [
          new TableRow({
            children: ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian'].map((v) => cell(v)),
          }),
          new TableRow({ children: [cell('I'), cell('Lĩnh vực công nghiệp', { columnSpan: 3 })] }),
          new TableRow({
            children: [cell('1'), cell('Làm đường', { columnSpan: 2 }), cell('Quý III')],
          }),
        ],
      }),
    ]);

    // Act
    const result = await lines(bytes);

    // Assess
    expect(result.slice(1)).toEqual(['I\tLĩnh vực công nghiệp\t\t', '1\tLàm đường\t\tQuý III']);
  });

  it('gives a vertically merged cell to its first row only', async () => {
    // Prepare: Word keeps whatever a continuation cell holds, and never shows it.
    const bytes = docxOfBody(
      tableXml(3, [
        rowXml(['STT', 'Nhiệm vụ', 'Thời gian']),
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>' +
          '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Đầu tư</w:t></w:r></w:p></w:tc>' +
          '<w:tc><w:p><w:r><w:t>Quý III/2026</w:t></w:r></w:p></w:tc></w:tr>',
        '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>' +
          '<w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr><w:p/></w:tc>' +
          '<w:tc><w:p><w:r><w:t>Quý IV/2026</w:t></w:r></w:p></w:tc></w:tr>',
      ]),
    );

    // Act
    const result = await lines(bytes);

    // Assess
    expect(result.slice(1)).toEqual(['1\tĐầu tư\tQuý III/2026', '\t\tQuý IV/2026']);
  });

  it('writes a header row marked to repeat once, as the document holds it', async () => {
    // Prepare
    const header = '<w:trPr><w:tblHeader/></w:trPr>';
    const bytes = docxOfBody(
      tableXml(2, [rowXml(['STT', 'Nhiệm vụ'], header), rowXml(['1', 'A']), rowXml(['2', 'B'])]),
    );

    // Act
    const result = await lines(bytes);

    // Assess
    expect(result).toEqual(['STT\tNhiệm vụ', '1\tA', '2\tB']);
  });

  it('pads rows to the grid, with columns skipped before and after a row', async () => {
    // Prepare
    const around = '<w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>';
    const bytes = docxOfBody(tableXml(4, [rowXml(['a', 'b'], around), rowXml(['c'])]));

    // Act
    const result = await lines(bytes);

    // Assess
    expect(result).toEqual(['\ta\tb\t', 'c\t\t\t']);
  });

  it('bounds the columns a hostile span or grid can claim', async () => {
    // Prepare
    const span = '<w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p/></w:tc>';
    const bytes = docxOfBody(tableXml(2, [`<w:tr>${span}</w:tr>`]));

    // Act
    const [row] = await lines(bytes);

    // Assess
    expect(row?.split('\t')).toHaveLength(64);
  });

  it('reads a nested table into the cell that holds it', async () => {
    // Prepare
    const inner = tableXml(2, [rowXml(['x', 'y'])]);
    const bytes = docxOfBody(
      tableXml(2, [
        `<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc>${inner}<w:p/></w:tc></w:tr>`,
      ]),
    );

    // Act
    const result = await lines(bytes);

    // Assess
    expect(result).toEqual(['1\t<p>x</p><p>y</p>']);
  });

  it('writes every table of the document in order, with the paragraphs between them', async () => {
    // Prepare
    const bytes = docxOfBody(
      `${tableXml(1, [rowXml(['a'])])}<w:p><w:r><w:t>giữa</w:t></w:r></w:p>${tableXml(1, [rowXml(['b'])])}`,
    );

    // Act
    const result = await lines(bytes);

    // Assess
    expect(result).toEqual(['a', 'giữa', 'b']);
  });
});

describe('docxToPlanText: cell content', () => {
  it('writes bold runs as <b>, list paragraphs as <ul><li>, other paragraphs as <p>', async () => {
    // Prepare
    const bytes = await docxOf([
      new Table({
        columnWidths: [4000],
        rows: [
          new TableRow({
            children: [
              new TableCell({
                children: [
                  new Paragraph({
                    children: [new TextRun({ text: 'Quản lý:', bold: true }), new TextRun(' tốt')],
                  }),
                  new Paragraph({ text: '- Lúa: 15.520 ha', bullet: { level: 0 } }),
                  new Paragraph({ text: '- Ngô: 14.528 ha', bullet: { level: 0 } }),
                ],
              }),
            ],
          }),
        ],
      }),
    ]);

    // Act
    const [row] = await lines(bytes);

    // Assess
    expect(row).toBe(
      '<p><b>Quản lý:</b> tốt</p><ul><li>- Lúa: 15.520 ha</li><li>- Ngô: 14.528 ha</li></ul>',
    );
    expect(cellText(row ?? '')).toBe('Quản lý: tốt\n- Lúa: 15.520 ha\n- Ngô: 14.528 ha');
  });

  it('keeps a literal <, & and entities as text, and never lets a tab split a cell', async () => {
    // Prepare
    const bytes = await docxOf([
      new Table({
        columnWidths: [2000, 2000],
        rows: [new TableRow({ children: [cell('a < b & c > d'), cell('x\ty')] })],
      }),
    ]);

    // Act
    const [row] = await lines(bytes);

    // Assess
    const cells = row?.split('\t') ?? [];
    expect(cells).toHaveLength(2);
    expect(cells.map(cellText)).toEqual(['a < b & c > d', 'x y']);
  });

  it('reads tabs, line breaks and non-breaking hyphens inside runs', async () => {
    // Prepare
    const run =
      '<w:r><w:t>Quý</w:t><w:tab/><w:t>III</w:t><w:br/><w:t>234/QĐ</w:t><w:noBreakHyphen/><w:t>UBND</w:t></w:r>';
    const bytes = docxOfBody(tableXml(1, [`<w:tr><w:tc><w:p>${run}</w:p></w:tc></w:tr>`]));

    // Act
    const [row] = await lines(bytes);

    // Assess
    expect(row).toBe('Quý III<br>234/QĐ-UBND');
  });

  it('reads neither deleted text, field instructions nor the fallback of alternate content', async () => {
    // Prepare
    const mc = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const xml =
      `<w:document xmlns:w="${W_NAMESPACE}" xmlns:mc="${mc}"><w:body>` +
      tableXml(1, [
        '<w:tr><w:tc><w:p>' +
          '<w:r><w:t>giữ</w:t></w:r>' +
          '<w:del><w:r><w:delText>xóa</w:delText></w:r></w:del>' +
          '<w:r><w:instrText>PAGE</w:instrText></w:r>' +
          '<mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t> một lần</w:t></w:r></mc:Choice>' +
          '<mc:Fallback><w:r><w:t> hai lần</w:t></w:r></mc:Fallback></mc:AlternateContent>' +
          '</w:p></w:tc></w:tr>',
      ]) +
      '</w:body></w:document>';

    // Act
    const [row] = await lines(docxOfXml(xml));

    // Assess
    expect(row).toBe('giữ một lần');
  });

  it('reads the WordprocessingML namespace under whatever prefix the document binds', async () => {
    // Prepare
    const xml =
      `<x:document xmlns:x="${W_NAMESPACE}"><x:body><x:tbl><x:tblGrid><x:gridCol/></x:tblGrid>` +
      '<x:tr><x:tc><x:p><x:r><x:rPr><x:b/></x:rPr><x:t>STT</x:t></x:r></x:p></x:tc></x:tr>' +
      '</x:tbl></x:body></x:document>';

    // Act
    const result = await lines(docxOfXml(xml));

    // Assess
    expect(result).toEqual(['<b>STT</b>']);
  });

  it('decodes character references, one outside Unicode as U+FFFD, and never expands a DTD entity', async () => {
    // Prepare
    const xml =
      `<!DOCTYPE w:document [<!ENTITY boom "BOOM">]>` +
      `<w:document xmlns:w="${W_NAMESPACE}"><w:body>` +
      tableXml(1, [rowXml(['&#7871;&amp;&#x110000;&#99999999999;&boom;'])]) +
      '</w:body></w:document>';

    // Act
    const [row] = await lines(docxOfXml(xml));

    // Assess
    expect(cellText(row ?? '')).toBe('ế&\uFFFD\uFFFD&boom;');
  });

  it('does not read bold on the paragraph mark as bold text', async () => {
    // Prepare: w:pPr/w:rPr formats the paragraph mark only.
    const bytes = docxOfBody(
      tableXml(1, [
        '<w:tr><w:tc><w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>thường</w:t></w:r></w:p></w:tc></w:tr>',
      ]),
    );

    // Act
    const [row] = await lines(bytes);

    // Assess
    expect(row).toBe('thường');
  });
});
