/**
 * Reports through the API over two quarters, then their snapshots — on the local store,
 * with the clock set to the days the reports arrive. Every count is checked against the
 * hand computation written beside it.
 *
 * KH266 keeps the province's cut-off but gives its agencies until the 10th of the month
 * after a quarter (its reporting calendar); KH267 keeps the province's calendar (the 18th
 * of the quarter's last month). The official snapshot of a quarter is taken once every
 * plan's deadline has passed: Q3 at the end of 10/10/2026, Q4 at the end of 10/01/2027.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jobResult } from '../support/jobs.ts';
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
  return bodyOf(response);
}

/** An admin's request: its answer, or, for long work (202), what its job returned. */
async function admin(path: string, method = 'POST', body?: unknown) {
  const response = await platform.request(path, {
    method,
    token: platform.tokens.admin,
    headers: { 'idempotency-key': `${path}-${Date.now()}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = response.status === 202 ? await jobResult(platform, response) : null;
  if (response.status !== 202) expect(response.status).toBe(200);
  await platform.bus.drain();
  return answer ?? bodyOf(response);
}

const read = async (path: string) =>
  bodyOf(await platform.request(path, { token: platform.tokens.viewer }));

const TENTH_OF_NEXT_MONTH = { kind: 'dayOfMonth', day: 10, monthOffset: 1 };
let q3Late: { timeliness: string; deadline: string };
let q3OnTime: { timeliness: string; deadline: string };

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(provinceNoon('2026-10-01'));
  platform = await startTestPlatform();
  await admin('/plans/KH266', 'PATCH', {
    reportingCalendar: { deadlines: { quarter: TENTH_OF_NEXT_MONTH } },
  });
  // The rice target of KH266-I-2 feeds the rice area: the import suggested it, an admin
  // confirms it; the Department of Agriculture enters Q4 2025 as history.
  await admin('/plans/KH266/indicator-links', 'PUT', {
    links: [{ taskId: 'KH266-I-2', targetKey: 'lua', indicator: 'dien-tich-lua' }],
  });
  const history = await platform.request('/indicators/dien-tich-lua/values', {
    method: 'POST',
    token: platform.tokens.agencies[AGRICULTURE],
    headers: { 'idempotency-key': 'rice-2025-Q4' },
    body: JSON.stringify({ period: '2025-Q4', value: 12_500, status: 'final' }),
  });
  expect(history.status).toBe(201);

  // The third quarter's reports, sent on 5 October as reports usually are:
  q3OnTime = await reportOn('2026-10-05', 'KH266-I-2', {
    period: '2026-Q3',
    status: 'on_track',
    percentComplete: 30,
  }); // KH266: due 10/10, on time
  q3Late = await reportOn('2026-10-05', 'KH267-IV-19', {
    period: '2026-Q3',
    status: 'on_track',
    percentComplete: 40,
  }); // KH267: due 18/09, late

  // Q4 2026, the agriculture sector (39 leaf tasks live in it: KH266's and KH267's 38, and
  // the seed notice's item on agriculture, overdue since June and never reported on):
  await reportOn('2026-10-10', 'KH266-I-1.1', { status: 'on_track', percentComplete: 60 }); // due 30/9: overdue
  await reportOn('2026-10-20', 'KH266-I-2', {
    status: 'on_track',
    percentComplete: 50,
    actuals: { lua: 12000 },
  }); // due 30/11: overdue by the snapshot's day
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

describe('the third quarter, reported in October', () => {
  it('stores each report on time or late by its plan’s calendar', () => {
    // Prepare: the reports of 05/10. Act: (stored in beforeAll)
    // Assess
    expect(q3OnTime).toMatchObject({
      period: '2026-Q3',
      deadline: '2026-10-10',
      timeliness: 'on_time',
    });
    expect(q3Late).toMatchObject({ period: '2026-Q3', deadline: '2026-09-18', timeliness: 'late' });
  });

  it('counts them in the third quarter’s official snapshot, taken at the last plan deadline', async () => {
    // Prepare: 00:05 on 11/10, after KH266's deadline
    vi.setSystemTime(new Date('2026-10-11T00:05:00+07:00'));

    // Act
    await admin('/rollups/2026-Q3/runs');
    const snapshot = await read('/rollups/2026-Q3/agriculture');

    // Assess: the two reports of 05/10 describe Q3; the Q4 report of 10/10 does not
    expect(snapshot).toMatchObject({
      period: '2026-Q3',
      status: 'official',
      revision: 1,
      deadline: '2026-10-10',
      asOf: '2026-09-30',
      basis: { tasks: 39, reports: 2 },
    });
    const lead = snapshot.reporting.find((r: { agencyId: string }) => r.agencyId === AGRICULTURE);
    // Both reports cover a task the department leads; only KH266's came in on time
    expect(lead).toMatchObject({ received: 2, receivedOnTime: 1 });
  });

  it('leaves the tasks of plans issued in July out of the second quarter', async () => {
    // Prepare: the second quarter holds only the seed notice of 27/05/2026. Act
    await admin('/rollups/2026-Q2/runs');
    const { sectors } = await read('/rollups/2026-Q2');

    // Assess
    const taskIds = sectors.flatMap((s: { tasks: { taskId: string }[] }) =>
      s.tasks.map((t) => t.taskId),
    );
    expect(taskIds.length).toBeGreaterThan(0);
    expect(taskIds.filter((id: string) => /^KH26[67]-/.test(id))).toEqual([]);
  });
});

describe('the fourth quarter', () => {
  let official: string;

  it('stays preliminary after the quarter ends, until every plan’s deadline has passed', async () => {
    // Prepare: 00:05 on 01/01/2027: KH266's reports are due by 10/01
    vi.setSystemTime(new Date('2027-01-01T00:05:00+07:00'));
    await admin('/risks/scans');

    // Act
    const run = await admin('/rollups/2026-Q4/runs');
    const snapshot = await read('/rollups/2026-Q4/agriculture');

    // Assess
    expect(run.sectors.map((s: { status: string }) => s.status)).toEqual([
      'preliminary',
      'preliminary',
      'preliminary',
    ]);
    expect(snapshot).toMatchObject({ status: 'preliminary', revision: 0, deadline: '2027-01-10' });
  });

  it('takes the official snapshot with counts that match the hand computation', async () => {
    // Prepare: the daily job, at 00:05 on 11/01/2027
    vi.setSystemTime(new Date('2027-01-11T00:05:00+07:00'));

    // Act
    await platform.invoke('closePeriods', {});
    const response = await platform.request('/rollups/2026-Q4/agriculture', {
      token: platform.tokens.viewer,
    });
    official = await response.text();
    const snapshot = JSON.parse(official);

    // Assess
    expect(snapshot).toMatchObject({
      status: 'official',
      revision: 1,
      window: { start: '2026-09-15', end: '2026-12-14' },
      asOf: '2026-12-31',
      basis: { tasks: 39, reports: 7 },
      changes: null,
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

  it('compares the rice area with the same quarter of 2025 in the snapshot’s figures', () => {
    // Prepare: the official snapshot. Act
    const rice = JSON.parse(official).figures.find(
      (f: { inPeriod: { indicator: string } }) => f.inPeriod.indicator === 'dien-tich-lua',
    );

    // Assess: 12.000 ha against the second half's 15.520 ha, and 12.500 ha in Q4 2025
    expect(rice.inPeriod).toMatchObject({
      actual: { value: 12_000 },
      plan: { value: 15_520, period: '2026-H2' },
      previousYear: { value: 12_500 },
      sentence:
        'Cây lúa 12.000 ha, đạt 77,32% so với kế hoạch 6 tháng cuối năm 2026, bằng 96,00% cùng kỳ',
    });
  });

  it('runs again to the same snapshot, byte for byte, when nothing came in', async () => {
    // Prepare: the next day
    vi.setSystemTime(new Date('2027-01-12T00:05:00+07:00'));

    // Act
    const run = await admin('/rollups/2026-Q4/runs');
    const again = await (
      await platform.request('/rollups/2026-Q4/agriculture', { token: platform.tokens.viewer })
    ).text();

    // Assess
    expect(run.sectors[0]).toMatchObject({ revision: 1, written: false });
    expect(again).toBe(official);
  });

  it('makes revision 2 of a late report, beside the untouched official snapshot', async () => {
    // Prepare: the completion of KH267-IV-38 (led by the department alone, due 31/12, never
    // reported on) comes in on 15/01/2027
    await reportOn('2027-01-15', 'KH267-IV-38', { status: 'completed', percentComplete: 100 });
    vi.setSystemTime(new Date('2027-01-16T00:05:00+07:00'));

    // Act
    await platform.invoke('closePeriods', {});
    const revision = await read('/rollups/2026-Q4/agriculture');
    const first = await (
      await platform.request('/rollups/2026-Q4/agriculture?revision=1', {
        token: platform.tokens.viewer,
      })
    ).text();

    // Assess: IV-38 was due 31/12 and completed by a report received on 15/01: late
    expect(revision).toMatchObject({ status: 'official', revision: 2, basis: { reports: 8 } });
    expect(revision.changes).toMatchObject({
      since: 1,
      reports: { before: 7, after: 8 },
      tasks: [{ taskId: 'KH267-IV-38', from: 'noReport', to: 'completedLate' }],
    });
    expect(revision.changes.summary).toContain(
      'Nhiệm vụ KH267-IV-38: chưa báo cáo → hoàn thành quá hạn.',
    );
    expect(first).toBe(official);
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
    expect(csv).toContain('bằng 96,00% cùng kỳ');
  });

  it('answers 404 with a hint for a period never rolled up, and for a revision not taken', async () => {
    const never = await platform.request('/rollups/2025-Q1', { token: platform.tokens.viewer });
    const missing = await platform.request('/rollups/2026-Q4/agriculture?revision=9', {
      token: platform.tokens.viewer,
    });

    expect(never.status).toBe(404);
    expect((await bodyOf(never)).detail).toContain('POST /rollups/2025-Q1/runs');
    expect(missing.status).toBe(404);
  });
});
