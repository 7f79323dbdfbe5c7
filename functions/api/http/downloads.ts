/**
 * A snapshot's body (JSON or a document) as a response, said once for the API and the web
 * app: in the response itself while it fits in what Lambda may answer, otherwise stored
 * under its key and answered `303 See Other` to a time-limited URL that serves the same
 * bytes with the same type (S3 presigned on AWS, the local runtime's signed route locally).
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { attachment } from '#shared/platform/content-disposition.ts';
import type { LargeBodyStore } from '#shared/use-cases/large-body-ports.ts';

export interface Download {
  /** Text is sent as it is (UTF-8); bytes base64-encoded, as API Gateway wants binary. */
  body: string | Uint8Array;
  contentType: string;
  /** Saved under this name (Content-Disposition: attachment); none for JSON read in place. */
  fileName?: string;
  headers?: Record<string, string>;
}

/** A download saved as a file. */
export type FileDownload = Download & { fileName: string };

/**
 * Lambda's limit on a synchronous response (its quotas: 6 MB), which counts the whole
 * serialized proxy result: the body as sent (base64 for bytes, escaped for text) and the
 * headers. API Gateway's own 10 MB limit is further off.
 */
const LAMBDA_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;
/** Room for the headers the middlewares and the web frame add after the handler answers. */
const HEADER_ROOM_BYTES = 64 * 1024;
/** The largest serialized response answered in place; LARGE_BODY_THRESHOLD_BYTES lowers it. */
export const MAX_INLINE_RESPONSE_BYTES = LAMBDA_RESPONSE_LIMIT_BYTES - HEADER_ROOM_BYTES;

export interface LargeBodies {
  store: LargeBodyStore;
  /** Responses whose serialized form is larger go through the store. */
  thresholdBytes: number;
}

/** The response as today: the body inside it. */
export function inlineResponse(download: Download): APIGatewayProxyResult {
  const headers = {
    'content-type': download.contentType,
    ...(download.fileName !== undefined && {
      'content-disposition': attachment(download.fileName),
    }),
    ...download.headers,
  };
  return typeof download.body === 'string'
    ? { statusCode: 200, headers, body: download.body }
    : {
        statusCode: 200,
        headers,
        body: Buffer.from(download.body).toString('base64'),
        isBase64Encoded: true,
      };
}

/**
 * The download in the response if it fits, otherwise through the store under `key` (which
 * names what it is, so a repeated read replaces the same object rather than adding one).
 */
export async function downloadResponse(
  download: Download,
  key: string,
  large: LargeBodies,
): Promise<APIGatewayProxyResult> {
  const inline = inlineResponse(download);
  if (Buffer.byteLength(JSON.stringify(inline)) <= large.thresholdBytes) return inline;
  await large.store.put(key, {
    bytes: typeof download.body === 'string' ? Buffer.from(download.body, 'utf8') : download.body,
    contentType: download.contentType,
    ...(download.fileName !== undefined && { fileName: download.fileName }),
  });
  return {
    statusCode: 303,
    headers: {
      location: await large.store.signedUrl(key),
      'cache-control': 'no-store',
      ...download.headers,
    },
    body: '',
  };
}
