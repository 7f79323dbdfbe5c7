/**
 * The report template that ships with the platform, built in code rather than committed
 * as a binary: its WordprocessingML is reviewable in a diff, and it cannot drift from the
 * placeholders it uses (report-template-fields.ts). `GET /report-template` hands it out
 * as a .docx for the province to restyle in Word and upload back.
 *
 * The layout follows the province's reports (seed 003) and Decree 30/2020/NĐ-CP on
 * administrative documents: the issuing body and the national motto side by side, place
 * and date, "BÁO CÁO" and its title centred, Times New Roman 14 pt on A4 with 30 mm left
 * and 20 mm other margins, numbered sections. Written by hand because a Word-building
 * library (docx, about 400 KiB bundled) would add a second library for one fixed file.
 */
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

interface ParagraphStyle {
  align?: 'left' | 'center' | 'both';
  /** First-line indent in twentieths of a point (567 is 1 cm). */
  firstLine?: number;
  keepNext?: boolean;
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function run({ text, bold, italic }: Run): string {
  const properties = `${bold ? '<w:b/>' : ''}${italic ? '<w:i/>' : ''}`;
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function paragraph(runs: Run | Run[], style: ParagraphStyle = {}): string {
  const { align = 'both', firstLine, keepNext } = style;
  const properties =
    `${keepNext ? '<w:keepNext/>' : ''}<w:spacing w:before="60" w:after="60"/>` +
    `${firstLine ? `<w:ind w:firstLine="${firstLine}"/>` : ''}<w:jc w:val="${align}"/>`;
  return `<w:p><w:pPr>${properties}</w:pPr>${[runs].flat().map(run).join('')}</w:p>`;
}

const body = (text: string) => paragraph({ text }, { firstLine: 567 });
const heading = (text: string) =>
  paragraph({ text, bold: true }, { firstLine: 567, keepNext: true });
const subheading = (text: string) =>
  paragraph({ text, bold: true, italic: true }, { firstLine: 567, keepNext: true });
/** A loop or condition tag on a paragraph of its own: docxtemplater drops the paragraph. */
const tag = (text: string) => paragraph({ text });

function cell(content: string, widthTwips: number, borders: boolean): string {
  const noBorders =
    '<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>';
  return `<w:tc><w:tcPr><w:tcW w:w="${widthTwips}" w:type="dxa"/>${borders ? '' : noBorders}</w:tcPr>${content}</w:tc>`;
}

function table(rows: string[][], widths: number[], borders: boolean): string {
  const grid = widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('');
  const border = (side: string) =>
    `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const tableBorders = borders
    ? `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`
    : '';
  const body = rows
    .map(
      (cells) =>
        `<w:tr>${cells.map((content, i) => cell(content, widths[i] ?? 0, borders)).join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:jc w:val="center"/>${tableBorders}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

const centred = (runs: Run | Run[]) => paragraph(runs, { align: 'center' });

/** The issuing body and the national motto, side by side (Decree 30/2020, form 1.1). */
const documentHeader = table(
  [
    [
      centred({ text: 'ỦY BAN NHÂN DÂN' }) + centred({ text: 'TỈNH LẠNG SƠN', bold: true }),
      centred({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }) +
        centred({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true }) +
        centred({ text: '{dia_danh_ngay}', italic: true }),
    ],
  ],
  [3600, 5500],
  false,
);

const categoryTable = table(
  [
    [
      centred({ text: 'Phân loại', bold: true }),
      centred({ text: 'Số nhiệm vụ', bold: true }),
      centred({ text: 'Tỷ lệ (%)', bold: true }),
    ],
    [
      paragraph({ text: '{#phan_loai}{ten}' }, { align: 'left' }),
      centred({ text: '{so_nhiem_vu}' }),
      centred({ text: '{ty_le}{/phan_loai}' }),
    ],
    [
      paragraph({ text: 'Tổng số', bold: true }, { align: 'left' }),
      centred({ text: '{tong_so_nhiem_vu}', bold: true }),
      centred({ text: '100,00', bold: true }),
    ],
  ],
  [4700, 2000, 2000],
  true,
);

/** An item list, or the sentence that stands for an empty one. */
const items = (name: string, empty: string) => [
  tag(`{#${name}}`),
  body('- {cau}'),
  tag(`{/${name}}`),
  tag(`{^${name}}`),
  body(empty),
  tag(`{/${name}}`),
];

function documentXml(): string {
  const content = [
    documentHeader,
    centred({ text: 'BÁO CÁO', bold: true }),
    centred({ text: 'Tình hình thực hiện nhiệm vụ, chỉ tiêu kế hoạch {ky_bao_cao}', bold: true }),
    centred({ text: '({pham_vi_so_lieu})', italic: true }),
    centred({ text: '{tinh_trang_so_lieu}', italic: true }),
    tag('{#linh_vuc}'),
    heading('{so_thu_tu}. {ten}'),
    body('{tong_quan}'),
    subheading('{so_thu_tu}.1. Kết quả thực hiện các chỉ tiêu'),
    ...items('chi_tieu', 'Chưa có số liệu chỉ tiêu trong kỳ.'),
    subheading('{so_thu_tu}.2. Kết quả thực hiện nhiệm vụ'),
    categoryTable,
    subheading('{so_thu_tu}.3. Nhiệm vụ có nguy cơ chậm tiến độ'),
    ...items('nguy_co', 'Không có nhiệm vụ có nguy cơ chậm tiến độ.'),
    subheading('{so_thu_tu}.4. Tình hình báo cáo của các cơ quan'),
    body('Cơ quan chưa nộp đủ báo cáo:'),
    ...items('chua_bao_cao', '- Các cơ quan đã nộp đủ báo cáo.'),
    body('Cơ quan nộp báo cáo muộn:'),
    ...items('bao_cao_muon', '- Không có cơ quan nộp báo cáo muộn.'),
    tag('{/linh_vuc}'),
  ].join('');
  // A4, margins 20 mm top, bottom and right, 30 mm left.
  const section =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${content}${section}</w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

let built: Buffer | undefined;

/** The default template as a .docx file (built once per container). */
export function defaultReportTemplate(): Buffer {
  if (!built) {
    const zip = new PizZip();
    // A fixed date keeps the file byte-identical from one build to the next.
    const options = { date: new Date(Date.UTC(2026, 0, 1)) };
    zip.file('[Content_Types].xml', CONTENT_TYPES, options);
    zip.file('_rels/.rels', PACKAGE_RELS, options);
    zip.file('word/document.xml', documentXml(), options);
    zip.file('word/styles.xml', STYLES, options);
    zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS, options);
    built = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  return built;
}
