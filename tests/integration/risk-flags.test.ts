import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxFile } from '#infra/local/sns-endpoint.ts';
import { jobResult } from '../support/jobs.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
const LEAD = 'so-nong-nghiep-va-moi-truong';

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.stop());

const report = (taskId: string, body: unknown, key: string) =>
  platform.request(`/tasks/${taskId}/reports`, {
    method: 'POST',
    token: platform.tokens.agencies[LEAD],
    headers: { 'idempotency-key': key },
    body: JSON.stringify(body),
  });

const notifications = async () =>
  (await readFile(outboxFile(platform.dataDir), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { subject: string; message: string });

describe('risk flags driven by the event bus', () => {
  it('flags a task whose agency reports it delayed, lists it, and notifies once', async () => {
    await report(
      'KH266-I-9',
      { status: 'delayed', percentComplete: 10, obstacles: ['Thiếu vốn'] },
      'risk-1',
    );
    await platform.bus.drain();

    const risks = await bodyOf(
      await platform.request('/risks?sector=agriculture&reason=SELF_REPORTED', {
        token: platform.tokens.viewer,
      }),
    );
    const task = await bodyOf(
      await platform.request('/tasks/KH266-I-9', { token: platform.tokens.viewer }),
    );
    const sent = await notifications();

    expect(risks.items.map((r: { taskId: string }) => r.taskId)).toEqual(['KH266-I-9']);
    expect(task.task.riskReasons.map((r: { code: string }) => r.code)).toContain('SELF_REPORTED');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe('[KH266] Nhiệm vụ KH266-I-9 có nguy cơ chậm tiến độ');
  });

  it('announces nothing when the same state is evaluated again', async () => {
    const scan = await platform.request('/risks/scans', {
      method: 'POST',
      token: platform.tokens.admin,
      headers: { 'idempotency-key': 'scan-1' },
    });
    const summary = await jobResult(platform, scan);
    await platform.bus.drain();

    expect(summary.evaluated).toBeGreaterThan(100);
    const flaggedNow = (await notifications()).filter((n) => n.subject.includes('KH266-I-9'));
    expect(flaggedNow).toHaveLength(1);
  });

  it('clears the flag when the agency reports the task back on track', async () => {
    await report('KH266-I-9', { status: 'on_track', percentComplete: 90 }, 'risk-2');
    await platform.bus.drain();

    const risks = await bodyOf(
      await platform.request('/risks?reason=SELF_REPORTED', { token: platform.tokens.viewer }),
    );
    expect(risks.items.map((r: { taskId: string }) => r.taskId)).not.toContain('KH266-I-9');
  });
});
