import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanVersionTag, planVersionTag } from '#shared/adapters/dynamodb/keys.ts';

describe('plan version tags', () => {
  it('read back the plan and version they were made of', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][A-Z0-9-]{0,20}$/),
        fc.integer({ min: 1, max: 999_999 }),
        (plan, version) => {
          // Act
          const parsed = parsePlanVersionTag(planVersionTag(plan, version));

          // Assess
          expect(parsed).toEqual({ plan, version });
        },
      ),
    );
  });

  it('sort as their versions do', () => {
    // Act
    const tags = [10, 9, 100].map((version) => planVersionTag('KH266', version)).sort();

    // Assess
    expect(tags).toEqual(['KH266#000009', 'KH266#000010', 'KH266#000100']);
  });
});
