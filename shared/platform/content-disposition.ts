/**
 * `Content-Disposition: attachment` for a file name, said once for every download path
 * (inline responses, S3 objects, the local route). Written by hand: it is two lines of RFC
 * 6266 and RFC 8187, and the `content-disposition` package would add a dependency to every
 * bundle that serves a file. A Vietnamese name keeps its letters in `filename*` and gets an
 * ASCII fallback in `filename`, which old clients read.
 */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (letter) => (letter === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === fileName) return `attachment; filename="${fileName}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRFC5987(fileName)}`;
}

/** Percent-encoding as RFC 8187's `value-chars` want it (encodeURIComponent leaves a few). */
function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
