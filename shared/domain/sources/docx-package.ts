/**
 * Opens a .docx (a zip package) and streams the text of its main part,
 * `word/document.xml`, without ever holding more than a bounded amount of it inflated.
 *
 * yauzl reads the zip's central directory (never scans for headers) and inflates with
 * node:zlib as a stream, checking that the entry yields exactly the size it declares.
 * So a zip bomb is stopped twice: an entry declaring more than MAX_DOCUMENT_XML_BYTES is
 * refused before inflating, and one that lies about its size fails as soon as it inflates
 * past what it declared.
 */
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { DocumentReadError, MAX_DOCUMENT_XML_BYTES } from './document-errors.ts';

const DOCUMENT_PART = 'word/document.xml';

export async function* documentXmlChunks(bytes: Uint8Array, file: string): AsyncGenerator<string> {
  const zip = await openZip(bytes, file);
  try {
    const entry = await findEntry(zip, DOCUMENT_PART, file);
    if (!entry) throw new DocumentReadError('docx-without-document', file);
    if (entry.uncompressedSize > MAX_DOCUMENT_XML_BYTES) {
      throw new DocumentReadError('docx-too-large', file);
    }
    const decoder = new TextDecoder('utf-8');
    try {
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Uint8Array>) {
        yield decoder.decode(chunk, { stream: true });
      }
    } catch (cause) {
      throw new DocumentReadError('docx-malformed', file, { cause });
    }
    yield decoder.decode();
  } finally {
    zip.close();
  }
}

async function openZip(bytes: Uint8Array, file: string): Promise<ZipFile> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return await fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch (cause) {
    throw new DocumentReadError('not-a-docx', file, { cause });
  }
}

async function findEntry(zip: ZipFile, name: string, file: string): Promise<Entry | undefined> {
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === name) return entry;
    }
    return undefined;
  } catch (cause) {
    throw new DocumentReadError('not-a-docx', file, { cause });
  }
}
