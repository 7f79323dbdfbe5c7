/**
 * Which plan a table belongs to, read from the appendix's own preamble:
 * "(Kèm theo Kế hoạch số 266 /KH-UBND ngày 07 tháng 7 năm 2026 …)" or "… ngày 08/ 7 /2026".
 */
import { isValidDate, isoDate } from '../calendar.ts';
import type { IsoDate } from './model.ts';

const PLAN_REFERENCE =
  /Kế hoạch số\s*(\d+)\s*\/\s*KH-UBND\s+ngày\s+(\d{1,2})\s*(?:tháng|\/)\s*(\d{1,2})\s*(?:năm|\/)\s*(\d{4})/iu;

export interface PlanIdentity {
  code: string;
  issuedOn: IsoDate;
}

export function identifyPlan(preamble: string): PlanIdentity | null {
  const match = PLAN_REFERENCE.exec(preamble.normalize('NFC'));
  if (!match) return null;
  const [, number, day, month, year] = match.map(Number);
  if (!number || !day || !month || !year || !isValidDate(year, month, day)) return null;
  return { code: `KH${number}`, issuedOn: isoDate(year, month, day) };
}
