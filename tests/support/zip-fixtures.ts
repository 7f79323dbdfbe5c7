/**
 * Hand-made .docx packages for the reader's edge cases: a body written as raw
 * WordprocessingML (what `docx` would never emit), and zips that lie about their sizes.
 */
import { strToU8, zipSync } from 'fflate';

export const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A package whose `word/document.xml` is exactly `xml`. */
export function docxOfXml(xml: string): Uint8Array {
  return zipSync({ 'word/document.xml': strToU8(xml) }, { level: 1 });
}

/** A package with `body` (WordprocessingML with the `w:` prefix) as its document body. */
export function docxOfBody(body: string): Uint8Array {
  return docxOfXml(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
      `<w:document xmlns:w="${W_NAMESPACE}"><w:body>${body}</w:body></w:document>`,
  );
}

/** One table row of plain text cells. */
export function rowXml(cells: string[], rowProperties = ''): string {
  const tcs = cells.map((text) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`);
  return `<w:tr>${rowProperties}${tcs.join('')}</w:tr>`;
}

export function tableXml(columns: number, rows: string[]): string {
  const grid = '<w:gridCol w:w="1500"/>'.repeat(columns);
  return `<w:tbl><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

/**
 * A one-entry zip with that entry's declared uncompressed size replaced, in the local and
 * the central header alike (a zip bomb declares little and inflates to much).
 */
export function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  // The end-of-central-directory record (no comment: the last 22 bytes) says where the
  // central directory starts; the only local header starts the file.
  const centralDirectory = view.getUint32(bytes.length - 22 + 16, true);
  view.setUint32(0 + 22, size, true);
  view.setUint32(centralDirectory + 24, size, true);
  return bytes;
}
