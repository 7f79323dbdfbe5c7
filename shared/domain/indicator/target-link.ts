/**
 * Linking a plan's targets to the province's indicators.
 *
 * The import suggests a link from the target's label and unit ("Lúa: 15.520 ha" → the
 * rice area indicator) and an admin confirms or corrects it. A link is valid only
 * between the same unit (up to a multiplier: a target in đồng reads in tỷ đồng) and the
 * same sector: "ha" never feeds a "%" indicator.
 *
 * Matching compares words normalised as agency names are (plan/agency-registry.ts: no
 * diacritics, đ as d, lower case): a label equal to one of the indicator's names beats
 * a label containing one (the longer name the more telling), which beats the target's
 * whole phrase containing one. A suggestion is made only when one indicator is ahead:
 * a tie is left to the admin rather than guessed.
 */
import * as z from 'zod';
import { UnprocessableError, type FieldProblem } from '../errors.ts';
import { normaliseName } from '../plan/agency-registry.ts';
import { planCodeSchema, targetSchema, type Sector } from '../plan/model.ts';
import { periodCodeSchema } from '../period/period.ts';
import { compareText } from '../risk/order.ts';
import { indicatorCodeSchema, indicatorLabels, type Indicator } from './indicator.ts';
import { compatibleUnits } from './unit.ts';
import { SECTOR_LABELS } from './wording.ts';

export const LINK_STATUSES = ['suggested', 'confirmed'] as const;

/** That a task's target feeds an indicator. */
export const indicatorLinkSchema = z
  .strictObject({
    indicator: indicatorCodeSchema,
    plan: planCodeSchema,
    taskId: z.string().min(1).max(200),
    targetKey: targetSchema.shape.key,
    /** The period the target is for when it is not its plan's ("cả năm" in a six-month plan). */
    period: periodCodeSchema.nullable().default(null),
    status: z.enum(LINK_STATUSES).meta({
      description: 'suggested by the import; confirmed (or corrected) by an admin',
    }),
  })
  .meta({ id: 'IndicatorLink' });
export type IndicatorLink = z.infer<typeof indicatorLinkSchema>;

/** A target as linking sees it: its label, unit and phrase, and its task's sector. */
export interface LinkableTarget {
  label: string;
  unit: string;
  /** The phrase it was read from ("Lúa: 15.520 ha"). */
  text: string;
  sector: Sector;
}

/** A target and an indicator that cannot be linked; names both sides of each mismatch. */
export class IndicatorLinkMismatchError extends UnprocessableError {
  constructor(indicator: Indicator, target: LinkableTarget, fields: FieldProblem[]) {
    super(
      'indicator-link-mismatch',
      `Không thể gắn mục tiêu "${target.label}" với chỉ tiêu "${indicator.name}": ${fields
        .map((field) => field.reason)
        .join('; ')}`,
      fields,
    );
  }
}

/** What stands between the target and the indicator, in Vietnamese; empty when linkable. */
export function linkProblems(indicator: Indicator, target: LinkableTarget): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!compatibleUnits(target.unit, indicator.unit)) {
    problems.push({
      field: 'unit',
      reason: `đơn vị khác nhau: mục tiêu tính bằng "${target.unit}", chỉ tiêu tính bằng "${indicator.unit}"`,
    });
  }
  if (target.sector !== indicator.sector) {
    problems.push({
      field: 'sector',
      reason: `lĩnh vực khác nhau: nhiệm vụ thuộc lĩnh vực "${SECTOR_LABELS[target.sector]}", chỉ tiêu thuộc lĩnh vực "${SECTOR_LABELS[indicator.sector]}"`,
    });
  }
  return problems;
}

/** Throws IndicatorLinkMismatchError unless the target may feed the indicator. */
export function validateIndicatorLink(indicator: Indicator, target: LinkableTarget): void {
  const problems = linkProblems(indicator, target);
  if (problems.length > 0) throw new IndicatorLinkMismatchError(indicator, target, problems);
}

export interface IndicatorMatch {
  indicator: Indicator;
  /** 3: the label is a name; 2: it contains one; 1: its phrase does (plus the name's length). */
  score: number;
}

/** The indicators the target may be linked to and whose names it mentions, best first. */
export function rankIndicators(
  target: LinkableTarget,
  indicators: readonly Indicator[],
): IndicatorMatch[] {
  const label = words(target.label);
  const phrase = words(target.text);
  return indicators
    .filter((indicator) => linkProblems(indicator, target).length === 0)
    .map((indicator) => ({ indicator, score: matchScore(indicator, label, phrase) }))
    .filter((match) => match.score > 0)
    .sort((a, b) => b.score - a.score || compareText(a.indicator.code, b.indicator.code));
}

/** The indicator to propose for the target, or null when none, or several, fit as well. */
export function suggestIndicator(
  target: LinkableTarget,
  indicators: readonly Indicator[],
): Indicator | null {
  const [best, next] = rankIndicators(target, indicators);
  if (!best || (next && next.score === best.score)) return null;
  return best.indicator;
}

function matchScore(indicator: Indicator, label: string[], phrase: string[]): number {
  let score = 0;
  for (const name of indicatorLabels(indicator).map(words)) {
    if (name.length === 0) continue;
    // The length bonus stays below 1, so it only orders matches of one kind.
    const specificity = Math.min(name.length, 99) / 100;
    if (sameWords(label, name)) score = Math.max(score, 3 + specificity);
    else if (containsWords(label, name)) score = Math.max(score, 2 + specificity);
    else if (containsWords(phrase, name)) score = Math.max(score, 1 + specificity);
  }
  return score;
}

function words(text: string): string[] {
  return normaliseName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

function containsWords(haystack: readonly string[], needle: readonly string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    if (needle.every((word, j) => haystack[i + j] === word)) return true;
  }
  return false;
}
