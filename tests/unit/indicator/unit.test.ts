import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalSum, fractionDigits, weightedMean } from '#shared/domain/indicator/decimal-sum.ts';
import { compatibleUnits, convertUnit, parseUnit } from '#shared/domain/indicator/unit.ts';

describe('units', () => {
  it.each([
    { text: 'ha', base: 'ha', exponent: 0 },
    { text: 'tỷ đồng', base: 'đồng', exponent: 9 },
    { text: 'Triệu USD', base: 'usd', exponent: 6 },
    { text: 'nghìn tỷ đồng', base: 'đồng', exponent: 12 },
    { text: 'ngàn tấn', base: 'tấn', exponent: 3 },
    { text: 'Tấn/Km', base: 'tấn.km', exponent: 0 },
    { text: 'triệu tấn.km', base: 'tấn.km', exponent: 6 },
    { text: 'm²', base: 'm2', exponent: 0 },
    { text: 'lượt  khách   du lịch', base: 'lượt khách du lịch', exponent: 0 },
    { text: 'triệu', base: 'triệu', exponent: 0 }, // a lone multiplier is its own unit
  ])('"$text" is 10^$exponent $base', ({ text, base, exponent }) => {
    // Act
    const unit = parseUnit(text);

    // Assess
    expect(unit).toEqual({ base, exponent });
  });

  it.each([
    { a: 'ha', b: 'ha', compatible: true },
    { a: 'đồng', b: 'tỷ đồng', compatible: true },
    { a: 'lượt khách du lịch', b: 'lượt khách', compatible: true },
    { a: 'Tấn/Km', b: 'triệu tấn.km', compatible: true },
    { a: 'cây giống', b: 'triệu cây giống', compatible: true },
    { a: 'ha', b: '%', compatible: false },
    { a: 'tấn', b: 'tấn/km', compatible: false },
    { a: 'lượt', b: 'lượt khách', compatible: true },
    { a: 'lượt khách', b: 'lượt xe', compatible: false },
    { a: 'ha', b: 'hai', compatible: false },
  ])('"$a" and "$b" compatible: $compatible', ({ a, b, compatible }) => {
    // Act
    const result = [compatibleUnits(a, b), compatibleUnits(b, a)];

    // Assess
    expect(result).toEqual([compatible, compatible]);
  });

  it.each([
    { value: 21_000_000_000, from: 'đồng', to: 'tỷ đồng', result: 21 },
    { value: 808_000_000, from: 'Tấn/Km', to: 'triệu tấn.km', result: 808 },
    { value: 36.7, from: 'triệu USD', to: 'USD', result: 36_700_000 },
    { value: 2810.75, from: 'ha', to: 'ha', result: 2810.75 },
    { value: 45_000_000, from: 'cây giống', to: 'triệu cây giống', result: 45 },
    { value: 1.2, from: 'triệu cây', to: 'nghìn cây', result: 1200 },
  ])('$value $from is $result $to', ({ value, from, to, result }) => {
    // Act
    const converted = convertUnit(value, from, to);

    // Assess
    expect(converted).toBe(result);
  });

  it('refuses to read hectares as a percentage', () => {
    // Act
    const act = () => convertUnit(100, 'ha', '%');

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('decimal sums and means', () => {
  it.each([
    { value: 2810.75, digits: 2 },
    { value: 15520, digits: 0 },
    { value: 1e-7, digits: 7 },
    { value: 1.5e-7, digits: 8 },
    { value: 1e21, digits: 0 },
    { value: -0.25, digits: 2 },
  ])('$value has $digits decimals', ({ value, digits }) => {
    // Act
    const result = fractionDigits(value);

    // Assess
    expect(result).toBe(digits);
  });

  it('adds decimals without binary noise', () => {
    // Act
    const sums = [decimalSum([0.1, 0.2]), decimalSum([2810.75, 0.1, 0.15]), decimalSum([])];

    // Assess
    expect(sums).toEqual([0.3, 2811, 0]);
  });

  it('sums any order of decimals with up to three places to the same exact total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 40 }),
        (thousandths) => {
          // Prepare
          const values = thousandths.map((n) => n / 1000);
          const exact = thousandths.reduce((sum, n) => sum + n, 0) / 1000;

          // Act
          const forward = decimalSum(values);
          const backward = decimalSum([...values].reverse());

          // Assess
          expect(forward).toBe(exact === 0 ? 0 : exact);
          expect(backward).toBe(forward);
        },
      ),
    );
  });

  it('weighs a mean and rounds it to two decimals or the values’ own precision', () => {
    // Act
    const means = [
      weightedMean([
        { value: 105.2, weight: 3 },
        { value: 104.1, weight: 3 },
      ]),
      weightedMean([
        { value: 1, weight: 2 },
        { value: 2, weight: 1 },
      ]),
      weightedMean([{ value: 1.2345, weight: 1 }]),
    ];

    // Assess
    expect(means).toEqual([104.65, 1.33, 1.2345]);
    expect(() => weightedMean([])).toThrow(RangeError);
  });
});
