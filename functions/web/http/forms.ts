/**
 * Reading what a browser posts: URL-encoded forms, and multipart forms with a file (the
 * plan upload). Multipart is parsed by the runtime's own fetch implementation (undici's
 * `Response.formData()`), so no parser is bundled. Text arrives in NFC, as at the API.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ValidationError } from '#shared/domain/errors.ts';

/** Well under Lambda's 6 MB payload: a .docx plan and its form. */
export const MAX_FORM_BYTES = 5 * 1024 * 1024;

export interface PostedForm {
  /** A text field, trimmed and in NFC; '' when absent. */
  text(name: string): string;
  /** Every value of a repeated text field, trimmed and in NFC. */
  texts(name: string): string[];
  file(name: string): Promise<{ name: string; bytes: Buffer } | null>;
}

function bodyBytes(event: APIGatewayProxyEvent): Buffer {
  if (event.body == null) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

export async function readForm(event: APIGatewayProxyEvent): Promise<PostedForm> {
  const bytes = bodyBytes(event);
  if (bytes.byteLength > MAX_FORM_BYTES) {
    throw new ValidationError('Tệp gửi lên quá lớn (tối đa 5 MB).', [
      { field: 'body', reason: 'quá lớn' },
    ]);
  }
  const contentType = event.headers['content-type'] ?? event.headers['Content-Type'] ?? '';
  let data: FormData;
  if (contentType.startsWith('multipart/form-data')) {
    try {
      data = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    } catch {
      throw new ValidationError('Không đọc được biểu mẫu gửi lên.', [
        { field: 'body', reason: 'không đọc được' },
      ]);
    }
  } else {
    data = new FormData();
    for (const [name, value] of new URLSearchParams(bytes.toString('utf8'))) {
      data.append(name, value);
    }
  }
  const texts = (name: string) =>
    data
      .getAll(name)
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.normalize('NFC').trim());
  return {
    text: (name) => texts(name)[0] ?? '',
    texts,
    file: async (name) => {
      const value = data.get(name);
      if (value === null || typeof value === 'string' || value.size === 0) return null;
      return { name: value.name.normalize('NFC'), bytes: Buffer.from(await value.arrayBuffer()) };
    },
  };
}
