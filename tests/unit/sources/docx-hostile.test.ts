/** Files that are no Word plan, or that try to exhaust the reader: each a clear 422. */
import { UnprocessableError } from '#shared/domain/errors.ts';
import {
  DocumentReadError,
  MAX_DOCUMENT_XML_BYTES,
  type DocumentProblem,
} from '#shared/domain/sources/document-errors.ts';
import { docxToPlanText } from '#shared/domain/sources/docx-plan-text.ts';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  docxOfBody,
  docxOfXml,
  tableXml,
  rowXml,
  W_NAMESPACE,
  withDeclaredSize,
} from '../../support/zip-fixtures.ts';

async function failure(bytes: Uint8Array): Promise<DocumentReadError> {
  const error: unknown = await docxToPlanText(bytes, 'ke-hoach.docx').then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DocumentReadError))
    throw new Error(`expected a DocumentReadError, got ${String(error)}`);
  return error;
}

/** A document.xml of `bytes` bytes: a valid document padded with white space. */
function documentOfSize(bytes: number): string {
  const head = `<w:document xmlns:w="${W_NAMESPACE}"><w:body>${tableXml(1, [rowXml(['STT'])])}`;
  const tail = '</w:body></w:document>';
  return head + ' '.repeat(bytes - head.length - tail.length) + tail;
}

describe('docxToPlanText refuses', () => {
  it.each<[string, () => Uint8Array, DocumentProblem]>([
    ['a text file', () => strToU8('STT\tNhiệm vụ\n1\tA'), 'not-a-docx'],
    ['an empty file', () => new Uint8Array(0), 'not-a-docx'],
    [
      'a zip without word/document.xml',
      () => zipSync({ 'word/other.xml': strToU8('<x/>') }),
      'docx-without-document',
    ],
    [
      'a document without a table',
      () => docxOfBody('<w:p><w:r><w:t>Chỉ có chữ</w:t></w:r></w:p>'),
      'docx-without-table',
    ],
    [
      'a document cut short',
      () =>
        docxOfXml(`<w:document xmlns:w="${W_NAMESPACE}"><w:body>${tableXml(1, [rowXml(['a'])])}`),
      'docx-malformed',
    ],
    [
      'XML that is not a Word document',
      () => docxOfXml('<html><table><tr><td>a</td></tr></table></html>'),
      'docx-malformed',
    ],
  ])('%s', async (_name, build, problem) => {
    // Act
    const error = await failure(build());

    // Assess
    expect(error.code).toBe(problem);
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(error.message).toMatch(/^ke-hoach\.docx: /);
    expect(error.fields).toEqual([{ field: 'file', reason: expect.stringMatching(/\p{L}/u) }]);
  });

  it('a document.xml declaring more than the limit, without inflating it', async () => {
    // Prepare: a small document whose headers declare one byte too many.
    const bytes = withDeclaredSize(
      docxOfBody(tableXml(1, [rowXml(['STT'])])),
      MAX_DOCUMENT_XML_BYTES + 1,
    );

    // Act
    const error = await failure(bytes);

    // Assess
    expect(error.code).toBe('docx-too-large');
    expect(error.message).toContain('20 MiB');
  });

  it('a zip bomb that declares a small document and inflates past it', async () => {
    // Prepare: 8 MiB of XML declared as 1 KiB.
    const bomb = withDeclaredSize(docxOfXml(documentOfSize(8 * 1024 * 1024)), 1024);

    // Act
    const error = await failure(bomb);

    // Assess
    expect(error.code).toBe('docx-malformed');
  });

  it('says what went wrong in Vietnamese', async () => {
    // Act
    const error = await failure(docxOfBody('<w:p/>'));

    // Assess
    expect(error.fields[0]?.reason).toBe(
      'Tệp .docx không có bảng nào: phụ lục kế hoạch phải là một bảng.',
    );
  });
});

describe('docxToPlanText accepts', () => {
  it('a document.xml just under the limit', async () => {
    // Prepare
    const bytes = docxOfXml(documentOfSize(MAX_DOCUMENT_XML_BYTES));

    // Act
    const text = await docxToPlanText(bytes, 'ke-hoach.docx');

    // Assess
    expect(text).toBe('STT');
  });
});
