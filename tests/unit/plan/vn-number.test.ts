import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MULTIPLIERS,
  applyMultiplier,
  formatVnNumber,
  multiplierOf,
  parseVnNumber,
} from '#shared/domain/plan/vn-number.ts';

describe('parseVnNumber', () => {
  it.each([
    ['15.520', 15520],
    ['2.810,75', 2810.75],
    ['01', 1],
    ['06', 6],
    ['1.009', 1009],
    ['100.000', 100000],
    ['36,7', 36.7],
    ['80', 80],
    ['0', 0],
    ['0,5', 0.5],
    ['1.234.567,89', 1234567.89],
    ['15520', 15520],
    ['-1.000,5', -1000.5],
    ['  9.000 ', 9000],
  ])('reads %j as %d', (text, expected) => {
    // Prepare: the text. Act
    const value = parseVnNumber(text);

    // Assess
    expect(value).toBe(expected);
  });

  it.each([
    ['1.2.3,4,5', 'several decimal marks'],
    ['12.34', 'a group of two digits after the dot'],
    ['1.2345', 'a group of four digits after the dot'],
    ['1234.567', 'more than three digits before the first dot'],
    ['1..000', 'an empty group'],
    ['1.000,', 'a decimal mark without decimals'],
    [',5', 'no integer part'],
    ['1,000.5', 'the English convention'],
    ['1 000', 'space grouping'],
    ['', 'nothing'],
    ['abc', 'words'],
    ['1e5', 'exponent form'],
    ['Infinity', 'an infinity'],
    ['NaN', 'not a number'],
    ['9'.repeat(400), 'a number beyond the largest double'],
  ])('reads %j as null (%s)', (text) => {
    // Prepare: the text. Act
    const value = parseVnNumber(text);

    // Assess
    expect(value).toBeNull();
  });

  it('never answers -0', () => {
    // Prepare: a negative zero as printed. Act
    const value = parseVnNumber('-0');

    // Assess
    expect(Object.is(value, 0)).toBe(true);
  });

  it('never throws on junk, and answers null or a finite number', () => {
    // Prepare: arbitrary strings, and strings made of the characters numbers use
    const junk = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789.,- ') }));

    // Act + Assess
    fc.assert(
      fc.property(junk, (text) => {
        const value = parseVnNumber(text);
        expect(value === null || Number.isFinite(value)).toBe(true);
      }),
    );
  });
});

describe('formatVnNumber', () => {
  it.each([
    [15520, undefined, '15.520'],
    [2810.75, undefined, '2.810,75'],
    [100000, undefined, '100.000'],
    [36.7, undefined, '36,7'],
    [999, undefined, '999'],
    [0, undefined, '0'],
    [-1234.5, undefined, '-1.234,5'],
    [1e-7, undefined, '0,0000001'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
    [89.3456, 1, '89,3'],
    [1000, 2, '1.000,00'],
    [2810.75, 0, '2.811'],
    [-0.001, 2, '0,00'],
    [1e21, 1, '1.000.000.000.000.000.000.000,0'],
  ])('prints %d (fraction digits %j) as %j', (value, fractionDigits, expected) => {
    // Prepare: the value. Act
    const text = formatVnNumber(value, fractionDigits);

    // Assess
    expect(text).toBe(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %d',
    (value) => {
      // Prepare: a value with no decimal form. Act + Assess
      expect(() => formatVnNumber(value)).toThrow(RangeError);
    },
  );

  it.each([-1, 1.5, 101])('refuses %d fraction digits', (fractionDigits) => {
    // Prepare: a digit count toFixed would not take. Act + Assess
    expect(() => formatVnNumber(1, fractionDigits)).toThrow(RangeError);
  });
});

describe('formatVnNumber then parseVnNumber', () => {
  const bound = 10n ** 12n;
  const integers = fc.bigInt({ min: -bound, max: bound }).map(Number);
  const cents = fc.bigInt({ min: -bound * 100n, max: bound * 100n }).map((c) => Number(c) / 100);

  it('gives back any integer up to 1e12', () => {
    // Prepare: integers. Act + Assess
    fc.assert(
      fc.property(integers, (value) => {
        expect(parseVnNumber(formatVnNumber(value))).toBe(value);
      }),
    );
  });

  it('gives back any 2-decimal value up to 1e12, printed shortest or with 2 digits', () => {
    // Prepare: values with at most two decimals. Act + Assess
    fc.assert(
      fc.property(cents, (value) => {
        expect(parseVnNumber(formatVnNumber(value))).toBe(value);
        expect(parseVnNumber(formatVnNumber(value, 2))).toBe(value);
      }),
    );
  });

  it('gives back any finite double', () => {
    // Prepare: doubles, tiny and huge included (no -0: it prints as "0")
    const doubles = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => v !== 0);

    // Act + Assess
    fc.assert(
      fc.property(doubles, (value) => {
        expect(parseVnNumber(formatVnNumber(value))).toBe(value);
      }),
    );
  });
});

describe('multipliers', () => {
  it('has thousand, million and billion with their spelling variants', () => {
    // Prepare + Act: the table. Assess
    expect(MULTIPLIERS).toEqual({ nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 });
  });

  it.each([
    ['triệu', 1e6],
    ['Triệu', 1e6],
    ['TỶ', 1e9],
    ['tỉ', 1e9],
    ['Nghìn', 1e3],
    ['ngàn', 1e3],
    ['trie\u0302\u0323u', 1e6], // decomposed (NFD) spelling of "triệu"
  ])('reads %j as %d', (word, expected) => {
    // Prepare: the word. Act
    const multiplier = multiplierOf(word);

    // Assess
    expect(multiplier).toBe(expected);
  });

  it.each(['trăm', 'ha', 'constructor', 'toString', ''])('does not read %j', (word) => {
    // Prepare: a word that is no multiplier. Act
    const multiplier = multiplierOf(word);

    // Assess
    expect(multiplier).toBeUndefined();
  });

  it.each([
    [36.7, 1e6, 36_700_000],
    [1009, 1e9, 1_009_000_000_000],
    [2810.75, 1e3, 2_810_750],
    [0.1, 1e9, 100_000_000],
    [808, 1e6, 808_000_000],
  ])('scales %d by %d exactly', (value, multiplier, expected) => {
    // Prepare: a printed value and its multiplier. Act
    const scaled = applyMultiplier(value, multiplier);

    // Assess
    expect(scaled).toBe(expected);
  });

  it('scales any 2-decimal value as the decimal shift of its printed digits', () => {
    // Prepare: values up to a million with two decimals, and each multiplier
    const cents = fc.integer({ min: 0, max: 100_000_000 });
    const multiplier = fc.constantFrom(...Object.values(MULTIPLIERS));

    // Act + Assess: 12,34 triệu is 12340000, read from the digits, not the binary product
    fc.assert(
      fc.property(cents, multiplier, (c, m) => {
        expect(applyMultiplier(c / 100, m)).toBe(c * (m / 100)); // exact: below 2^53
      }),
    );
  });
});
