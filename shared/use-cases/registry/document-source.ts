/**
 * A document as it arrives (text, or a Word file's bytes) turned into the text the
 * parsers read. A .docx is read by `docxToPlanText`, which refuses anything that is not
 * one (422) and bounds what it inflates.
 */
import { docxToPlanText } from '#shared/domain/sources/docx-plan-text.ts';
import type { ImportRequest } from './import-document.ts';

export type ArrivingDocument = { file: string } & ({ text: string } | { docx: Uint8Array });

export async function documentText(document: ArrivingDocument): Promise<ImportRequest['source']> {
  if ('docx' in document) {
    return {
      file: document.file,
      text: await docxToPlanText(document.docx, document.file),
      format: 'docx',
    };
  }
  return { file: document.file, text: document.text, format: 'text' };
}
