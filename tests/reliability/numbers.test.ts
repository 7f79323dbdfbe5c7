/**
 * Numbers in a report: every number the API accepts is stored and read back exactly, and
 * a number the store cannot hold (beyond ±(2^53 − 1), or non-zero and smaller than 1e-130
 * in magnitude) is a 400 problem naming the field and the range, never a 500, retried or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.stop());

const LEAD = 'so-nong-nghiep-va-moi-truong';
const TASK = 'KH266-I-2';
let keys = 0;

/** The body as raw JSON text, so that numbers go on the wire exactly as written. */
const submit = (json: string, key = `numbers-${++keys}`) =>
  platform.request(`/tasks/${TASK}/reports`, {
    method: 'POST',
    token: platform.tokens.agencies[LEAD],
    headers: { 'idempotency-key': key },
    body: json,
  });

const report = (percent: string, actual = '1') =>
  `{"status":"on_track","percentComplete":${percent},"actuals":{"lua":${actual}}}`;

describe('numbers the store cannot hold', () => {
  it.each([
    ['percentComplete', report('1e-200')],
    ['percentComplete', report('5e-324')],
    ['percentComplete', report('100.5')],
    ['actuals.lua', report('5', '1e16')],
    ['actuals.lua', report('5', '9007199254740992')],
    ['actuals.lua', report('5', '123456789012345678901234567890123456789012')],
    ['actuals.lua', report('5', '-1e16')],
    ['actuals.lua', report('5', '1e-200')],
  ])('%s in %s is a 400 naming the field and its range', async (field, json) => {
    // Act
    const response = await submit(json);

    // Assess
    const problem = await bodyOf(response);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(problem.errors).toEqual([
      { field: `body.${field}`, reason: expect.stringMatching(/1e-130|\d+ đến \d+/) },
    ]);
  });

  it('is a 400 again when retried with the same key', async () => {
    // Act
    const first = await submit(report('5', '1e16'), 'numbers-retry');
    const retry = await submit(report('5', '1e16'), 'numbers-retry');

    // Assess
    expect([first.status, retry.status]).toEqual([400, 400]);
  });
});

describe('numbers the store can hold', () => {
  it.each([
    ['0', '0'],
    ['1e-130', '-1e-130'],
    ['33.333333333333336', '0.1'],
    ['99.99999999999999', '9007199254740991'],
    ['100', '-9007199254740991'],
    ['12.5', '2810.75'],
  ])('percentComplete %s and an actual of %s are stored exactly', async (percent, actual) => {
    // Act
    const response = await submit(report(percent, actual));

    // Assess
    const stored = await bodyOf(response);
    expect(response.status).toBe(201);
    const reports = await bodyOf(
      await platform.request(`/tasks/${TASK}/reports?limit=100`, { token: platform.tokens.viewer }),
    );
    const read = reports.items.find((item: { id: string }) => item.id === stored.id);
    expect(read.percentComplete).toBe(Number(percent));
    expect(read.actuals.lua).toBe(Number(actual));
  });
});
