/**
 * A plan appendix sent as a Word document (.docx), turned into the tab-separated export
 * form the plan-table parser reads (see word-export.ts), so both sources give the same
 * tasks through the same parser.
 *
 * Read with yauzl (the zip, bounded) and htmlparser2 (the XML, streamed) rather than
 * mammoth: mammoth bundles to about 345 KiB, inflates the whole package in memory with
 * no size bound, and its HTML output would need parsing again. This reader bundles to
 * about 82 KiB (htmlparser2 with its entity tables 52, yauzl 24), and htmlparser2 is the
 * parser cell HTML is read with anyway.
 */
import { documentXmlChunks } from './docx-package.ts';
import { DocumentReadError } from './document-errors.ts';
import { readWordBody } from './word-body.ts';
import { exportLines } from './word-export.ts';

export async function docxToPlanText(bytes: Uint8Array, file: string): Promise<string> {
  const body = await readWordBody(documentXmlChunks(bytes, file));
  if (!body.complete) throw new DocumentReadError('docx-malformed', file);
  if (!body.blocks.some((block) => block.kind === 'table')) {
    throw new DocumentReadError('docx-without-table', file);
  }
  return exportLines(body.blocks).join('\n');
}
