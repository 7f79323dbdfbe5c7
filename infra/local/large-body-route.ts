/**
 * The local runtime's route for large bodies, as S3 serves a presigned URL on AWS: the
 * file a signed, unexpired URL names, with its type and file name; a tampered or expired
 * URL is refused 403 and an unknown key is 404, both as problem+json.
 */
import {
  LOCAL_LARGE_BODY_PATH,
  readSignedLargeBody,
  type LargeBodyFolder,
} from '#shared/adapters/files/folder-large-bodies.ts';
import { attachment } from '#shared/platform/content-disposition.ts';
import type { LocalRoute } from './api-gateway/http-gateway.ts';
import { GATEWAY_PROBLEMS, problemResponse } from './api-gateway/responses.ts';

const REFUSALS = {
  signature: 'Đường dẫn tải xuống không hợp lệ.',
  expired: 'Đường dẫn tải xuống đã hết hạn; hãy tải lại từ trang hoặc API.',
} as const;

export function largeBodyRoute(folder: LargeBodyFolder): LocalRoute {
  return {
    pathPrefix: LOCAL_LARGE_BODY_PATH,
    serve: async (method, url) => {
      if (method !== 'GET') {
        return problemResponse(GATEWAY_PROBLEMS.methodNotAllowed, 'Chỉ nhận GET.', {
          Allow: 'GET',
        });
      }
      const read = await readSignedLargeBody(folder, url);
      switch (read.outcome) {
        case 'refused':
          return problemResponse(GATEWAY_PROBLEMS.accessDenied, REFUSALS[read.reason]);
        case 'missing':
          return problemResponse(GATEWAY_PROBLEMS.notFound, 'Tệp tải xuống không còn.');
        case 'found':
          return {
            statusCode: 200,
            headers: {
              'Content-Type': read.body.contentType,
              ...(read.body.fileName !== undefined && {
                'Content-Disposition': attachment(read.body.fileName),
              }),
              'Cache-Control': 'private, no-store',
              'X-Content-Type-Options': 'nosniff',
            },
            body: Buffer.from(read.body.bytes),
          };
      }
    },
  };
}
