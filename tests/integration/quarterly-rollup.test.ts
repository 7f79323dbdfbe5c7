/**
 * Reports through the API over a quarter, the daily scan, then the quarter close — on the
 * local store, with the clock set to the days the reports arrive. Every count is checked
 * against the hand computation written beside it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
const AGRICULTURE = 'so-nong-nghiep-va-moi-truong';

/** Noon in the province on a day. */
const provinceNoon = (day: string) => new Date(`${day}T12:00:00+07:00`);

async function reportOn(day: string, taskId: string, body: Record<string, unknown>) {
  vi.setSystemTime(provinceNoon(day));
  const response = await platform.request(`/tasks/${taskId}/reports`, {
    method: 'POST',
    token: platform.tokens.agencies[AGRICULTURE],
    headers: { 'idempotency-key': `${taskId}-${day}` },
    body: JSON.stringify({ period: '2026-Q4', ...body }),
  });
  expect(response.status).toBe(201);
  await platform.bus.drain();
}

async function admin(path: string) {
  const response = await platform.request(path, {
    method: 'POST',
    token: platform.tokens.admin,
    headers: { 'idempotency-key': `${path}-${Date.now()}` },
  });
  expect(response.status).toBe(200);
  await platform.bus.drain();
  return bodyOf(response);
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(provinceNoon('2026-10-01'));
  platform = await startTestPlatform();

  // Q4 2026, the agriculture sector (39 leaf tasks: KH266's and KH267's 38, and the seed
  // notice's item on agriculture, never reported on):
  await reportOn('2026-10-10', 'KH266-I-1.1', { status: 'on_track', percentComplete: 60 }); // due 30/9: overdue
  await reportOn('2026-10-20', 'KH266-I-2', {
    status: 'on_track',
    percentComplete: 50,
    actuals: { lua: 12000 },
  }); // due 30/11: overdue by 31/12
  await reportOn('2026-11-05', 'KH266-I-4', { status: 'completed', percentComplete: 100 }); // due 31/10: completed late
  await reportOn('2026-11-10', 'KH266-I-6', { status: 'completed', percentComplete: 100 }); // due 15/11: on time
  await reportOn('2026-12-01', 'KH266-I-5', { status: 'on_track', percentComplete: 80 }); // due 31/12: within deadline
  await reportOn('2026-12-02', 'KH267-IV-19', { status: 'not_started', percentComplete: 0 }); // Năm 2026: not started
  await reportOn('2026-12-03', 'KH266-I-9', { status: 'cancelled', percentComplete: 0 }); // cancelled
});
afterAll(async () => {
  vi.useRealTimers();
  await platform.stop();
});

describe('the quarter close of 2026-Q4', () => {
  it('closes the quarter with counts that match the hand computation', async () => {
    vi.setSystemTime(new Date('2027-01-01T00:05:00+07:00'));
    await admin('/risks/scans');

    const run = await admin('/rollups/2026-Q4/runs');
    const snapshot = await bodyOf(
      await platform.request('/rollups/2026-Q4/agriculture', { token: platform.tokens.viewer }),
    );

    expect(run.sectors.map((s: { status: string }) => s.status)).toEqual([
      'closed',
      'closed',
      'closed',
    ]);
    expect(snapshot).toMatchObject({
      status: 'closed',
      window: { start: '2026-10-01', end: '2026-12-31' },
      asOf: '2026-12-31',
      basis: { tasks: 39, reports: 7 },
    });
    // Only the lead moves a task, and a task led with "UBND các xã, phường" is done when the
    // department and every commune are (each commune reports its share); Sở Nông nghiệp
    // alone leads I-6 only.
    expect(snapshot.counts).toEqual({
      completedOnTime: 1, // I-6
      completedLate: 0, // I-4 is completed by the department, not yet by the communes
      inProgressWithinDeadline: 2, // I-5; I-9 (cancelled by the department only)
      overdueNotCompleted: 3, // I-1.1, I-2, I-4
      notStarted: 1, // IV-19
      cancelled: 0,
      noReport: 32, // 39 - 7
    });
    // The mean of the parts that reported, per task: (60 + 50 + 100 + 100 + 80 + 0 + 0) / 7.
    expect(snapshot.averagePercentComplete).toBe(55.71);
    const lua = snapshot.targets.find(
      (t: { taskId: string; key: string }) => t.taskId === 'KH266-I-2' && t.key === 'lua',
    );
    // 12 000 of 15 520 ha: 77.32 %
    expect(lua).toMatchObject({
      plan: 15520,
      actual: 12000,
      attainment: 77.32,
      attainmentText: 'đạt 77,32% kế hoạch',
    });
    const overdue = snapshot.atRisk
      .filter((t: { reasons: { code: string }[] }) => t.reasons.some((r) => r.code === 'OVERDUE'))
      .map((t: { taskId: string }) => t.taskId);
    expect(overdue).toEqual(expect.arrayContaining(['KH266-I-1.1', 'KH266-I-2']));
  });

  it('returns the same snapshot byte for byte when run again, and never replaces a closed one', async () => {
    const first = await (
      await platform.request('/rollups/2026-Q4/agriculture', { token: platform.tokens.viewer })
    ).text();
    vi.setSystemTime(new Date('2027-01-05T09:00:00+07:00'));
    await reportOn('2027-01-05', 'KH266-I-5', { status: 'completed', percentComplete: 100 });

    await admin('/rollups/2026-Q4/runs');
    const again = await (
      await platform.request('/rollups/2026-Q4/agriculture', { token: platform.tokens.viewer })
    ).text();

    expect(again).toBe(first);
  });

  it('serves the snapshot as CSV that Excel opens with Vietnamese intact', async () => {
    const response = await platform.request('/rollups/2026-Q4/agriculture?format=csv', {
      token: platform.tokens.viewer,
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const csv = bytes.toString('utf8');

    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // The byte-order mark that tells Excel the file is UTF-8 (fetch's text() would strip it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toContain('\r\n');
    expect(csv).toContain('Sở Nông nghiệp và Môi trường');
  });

  it('answers 404 with a hint for a quarter never rolled up', async () => {
    const response = await platform.request('/rollups/2025-Q1', { token: platform.tokens.viewer });

    expect(response.status).toBe(404);
    expect((await bodyOf(response)).detail).toContain('POST /rollups/2025-Q1/runs');
  });
});
