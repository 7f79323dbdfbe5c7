/** Progress lines on stderr, so a quarter-hour run shows where it is; results go elsewhere. */
export function progress(part: string, message: string): void {
  process.stderr.write(`[bench ${part}] ${message}\n`);
}
