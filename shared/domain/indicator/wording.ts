/**
 * Figures worded as the province's reports word them (seed 003, footnote 3):
 *
 *   "đạt 97,08% kế hoạch", "bằng 93,59% cùng kỳ"
 *   "Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ"
 *
 * Percentages with two decimals and a decimal comma, quantities with dots between
 * thousands (plan/vn-number.ts).
 */
import type { Sector } from '../plan/model.ts';
import { formatVnNumber } from '../plan/vn-number.ts';
import { roundDecimal } from '../risk/decimal.ts';

/** The sectors as the province's reports name them (seed 003: GRDP by sector). */
export const SECTOR_LABELS: Readonly<Record<Sector, string>> = {
  agriculture: 'nông, lâm nghiệp và thủy sản',
  industry: 'công nghiệp và xây dựng',
  services: 'dịch vụ',
};

/** A percentage with exactly two decimals: 97.08 → "97,08", 100 → "100,00". */
export function formatPercentFigure(percent: number): string {
  return formatVnNumber(roundDecimal(percent), 2);
}

/** A quantity with its unit: "14.562 ha", "7.339,7 tỷ đồng", "85%". */
export function formatQuantity(value: number, unit: string): string {
  return unit === '%' ? `${formatVnNumber(value)}%` : `${formatVnNumber(value)} ${unit}`;
}

/**
 * "đạt 97,08% kế hoạch"; against the plan of a longer period (a quarter against the
 * year's plan) the plan is named: "đạt 40,00% kế hoạch năm 2026".
 */
export function attainmentPhrase(percent: number, planPeriodLabel: string | null = null): string {
  return `đạt ${formatPercentFigure(percent)}% kế hoạch${planPeriodLabel ? ` ${planPeriodLabel}` : ''}`;
}

/** "bằng 93,59% cùng kỳ". */
export function yearOnYearPhrase(percent: number): string {
  return `bằng ${formatPercentFigure(percent)}% cùng kỳ`;
}

export interface SentenceParts {
  /** The indicator's sentence name: "Cây lúa". */
  name: string;
  value: number;
  unit: string;
  attainment: number | null;
  /** As in `attainmentPhrase`: null when the plan is the period's own. */
  planPeriodLabel: string | null;
  yearOnYear: number | null;
  /** Inline labels of the periods without a value, when the figure is partial. */
  missing: readonly string[];
}

/**
 * The report's sentence: "Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng
 * kỳ"; a partial figure says what it lacks: "… (chưa có số liệu tháng 6/2026)".
 */
export function figureSentence(parts: SentenceParts): string {
  const clauses = [`${parts.name} ${formatQuantity(parts.value, parts.unit)}`];
  if (parts.attainment !== null) {
    const plan = parts.planPeriodLabel ? `kế hoạch ${parts.planPeriodLabel}` : 'kế hoạch';
    clauses.push(`đạt ${formatPercentFigure(parts.attainment)}% so với ${plan}`);
  }
  if (parts.yearOnYear !== null) clauses.push(yearOnYearPhrase(parts.yearOnYear));
  const gap = parts.missing.length > 0 ? ` (chưa có số liệu ${parts.missing.join(', ')})` : '';
  return clauses.join(', ') + gap;
}
