/** Number and table formatting for BENCHMARKS.md: fixed rules, so a rerun changes only figures. */

const digits3 = (value: number): string => {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
};

/** Milliseconds as `0.57 ms`, `27.4 ms`, `304 ms`, or seconds from one second: `1.69 s`. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 0.01) return '0 ms';
  if (value >= 1_000) return `${digits3(value / 1000)} s`;
  return `${digits3(value)} ms`;
}

export function bytes(value: number): string {
  if (value >= 1024 * 1024) return `${digits3(value / 1024 / 1024)} MiB`;
  if (value >= 1024) return `${digits3(value / 1024)} KiB`;
  return `${value} B`;
}

/** A ratio a / b as `×47.2`. */
export function times(a: number, b: number): string {
  return b > 0 && Number.isFinite(a / b) ? `×${digits3(a / b)}` : '–';
}

export const num = digits3;

export const int = (value: number): string => Math.round(value).toLocaleString('en-US');

export function table(headers: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const rule = headers.map((_, i) =>
    (align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'r' ? '--:' : '---',
  );
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}
