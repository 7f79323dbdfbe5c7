/** An in-memory indicator registry with the store's conditional-write semantics, for use-case tests. */
import { ConflictError } from '#shared/domain/errors.ts';
import type { Indicator } from '#shared/domain/indicator/indicator.ts';
import type { IndicatorValue } from '#shared/domain/indicator/indicator-value.ts';
import type { LinkRecord } from '#shared/domain/indicator/link-record.ts';
import type {
  IndicatorRepository,
  StoredIndicator,
  StoredValue,
} from '#shared/use-cases/indicators/indicator-ports.ts';

export class FakeIndicatorStore implements IndicatorRepository {
  readonly indicators = new Map<string, StoredIndicator>();
  readonly links = new Map<string, LinkRecord>();
  readonly values = new Map<string, StoredValue>();
  writes = 0;

  constructor(indicators: readonly Indicator[] = []) {
    indicators.forEach((indicator, index) =>
      this.indicators.set(indicator.code, { indicator, position: index + 1, revision: 1 }),
    );
  }

  async listIndicators(): Promise<StoredIndicator[]> {
    return [...this.indicators.values()].sort((a, b) => a.position - b.position);
  }

  async saveIndicator(stored: StoredIndicator, expected: number | null): Promise<void> {
    const current = this.indicators.get(stored.indicator.code);
    if ((current?.revision ?? null) !== expected) {
      throw new ConflictError('indicator-changed', `indicator ${stored.indicator.code} changed`);
    }
    this.writes += 1;
    this.indicators.set(stored.indicator.code, stored);
  }

  async linksOfPlan(plan: string): Promise<LinkRecord[]> {
    return [...this.links.values()].filter((link) => link.plan === plan);
  }

  async allLinks(): Promise<LinkRecord[]> {
    return [...this.links.values()];
  }

  async saveLink(link: LinkRecord): Promise<void> {
    this.writes += 1;
    this.links.set(`${link.taskId}#${link.targetKey}`, link);
  }

  async deleteLink(link: Pick<LinkRecord, 'taskId' | 'targetKey'>): Promise<void> {
    this.writes += 1;
    this.links.delete(`${link.taskId}#${link.targetKey}`);
  }

  async saveValue(value: StoredValue): Promise<StoredValue> {
    const stored = this.values.get(value.id);
    if (stored) return stored;
    this.writes += 1;
    this.values.set(value.id, value);
    return value;
  }

  async valuesOf(
    codes: readonly string[],
    fromYear: number,
    toYear: number,
  ): Promise<IndicatorValue[]> {
    return [...this.values.values()]
      .filter((value) => codes.includes(value.indicator))
      .filter((value) => {
        const year = Number(value.period.slice(0, 4));
        return year >= fromYear && year <= toYear;
      })
      .map(({ id: _id, ...value }) => value);
  }
}
