/**
 * The binary documents the API serves and accepts, declared once: the CDK app lists them
 * as the REST API's binary media types, the local gateway decides from them what API
 * Gateway would (a base64 body is decoded to bytes only when the request's first Accept
 * type is one of them), and the handlers answer with them.
 */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MEDIA_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const BINARY_MEDIA_TYPES: readonly string[] = [XLSX_MEDIA_TYPE, DOCX_MEDIA_TYPE];
