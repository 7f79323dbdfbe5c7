/**
 * A period in words, as the province's reports write it: "Tháng 9/2026", "Quý III/2026",
 * "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "9 tháng năm 2026", "Năm 2026".
 *
 * `heading` starts a heading, a table cell or a sentence; `inline` sits inside a
 * sentence ("Chưa có báo cáo tháng 9/2026"), where only "Quý" keeps its capital, as the
 * province writes it.
 */
import type { Period } from './period.ts';

export type LabelPosition = 'heading' | 'inline';

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

export function periodLabel(period: Period, position: LabelPosition = 'heading'): string {
  const heading = headingLabel(period);
  if (position === 'heading' || period.kind === 'quarter') return heading;
  return heading.charAt(0).toLowerCase() + heading.slice(1);
}

function headingLabel(period: Period): string {
  const { year } = period;
  switch (period.kind) {
    case 'month':
      return `Tháng ${period.month}/${year}`;
    case 'quarter':
      return `Quý ${ROMAN_QUARTERS[period.quarter - 1]}/${year}`;
    case 'half':
      return `6 tháng ${period.half === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'nineMonths':
      return `9 tháng năm ${year}`;
    case 'year':
      return `Năm ${year}`;
  }
}
