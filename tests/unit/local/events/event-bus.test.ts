import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HandlerName } from '#shared/platform/handlers.ts';
import type { EventRuleDeclaration } from '#shared/platform/events.ts';
import type { BusEvent } from '#infra/local/events/bus-event.ts';
import { MemoryDeadLetterStore, type DeadLetterStore } from '#infra/local/events/dead-letters.ts';
import { LocalEventBus, type LocalEventBusOptions } from '#infra/local/events/event-bus.ts';

/** Targets are opaque strings to the bus; the cast keeps these tests off the handler list. */
const target = (name: string) => name as HandlerName;

const reportRule: EventRuleDeclaration = {
  name: 'report-submitted-to-risk',
  description: 'test rule',
  pattern: { source: ['langson.progress'], 'detail-type': ['ReportSubmitted'] },
  target: target('riskEvaluator'),
  maxAttempts: 3,
};

const entry = (detail: object = { taskId: 'KH266-I-1.1' }) => ({
  Source: 'langson.progress',
  DetailType: 'ReportSubmitted',
  Detail: JSON.stringify(detail),
});

const silent = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function makeBus(overrides: Partial<LocalEventBusOptions> = {}) {
  const delivered: { target: string; event: BusEvent }[] = [];
  const deadLetters = new MemoryDeadLetterStore();
  const bus = new LocalEventBus({
    rules: [reportRule],
    invoke: (name, event) => {
      delivered.push({ target: name, event });
      return Promise.resolve();
    },
    deadLetters,
    retryDelayMs: () => 1,
    logger: silent,
    now: () => new Date('2026-07-08T03:04:05.678Z'),
    ...overrides,
  });
  return { bus, delivered, deadLetters };
}

/** An invoke that fails `failures` times, then succeeds. */
function flaky(failures: number) {
  const calls: BusEvent[] = [];
  const invoke = (_target: string, event: BusEvent) => {
    calls.push(event);
    return calls.length <= failures
      ? Promise.reject(new Error(`boom ${calls.length}`))
      : Promise.resolve();
  };
  return { calls, invoke };
}

afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('LocalEventBus.putEvents', () => {
  it('answers with an event id per entry before any target runs', async () => {
    // Prepare
    const { bus, delivered } = makeBus();

    // Act
    const result = await bus.putEvents([entry(), entry()]);

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries).toEqual([
      { EventId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      { EventId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);
    expect(delivered).toEqual([]);
  });

  it('delivers a full EventBridge event to the matching rule target', async () => {
    // Prepare
    const { bus, delivered } = makeBus();

    // Act
    const result = await bus.putEvents([{ ...entry({ taskId: 'KH266-III-28', percent: 40 }) }]);
    await bus.drain();

    // Assess
    expect(delivered).toEqual([
      {
        target: 'riskEvaluator',
        event: {
          version: '0',
          id: result.Entries[0]?.EventId,
          'detail-type': 'ReportSubmitted',
          source: 'langson.progress',
          account: '000000000000',
          time: '2026-07-08T03:04:05Z',
          region: 'local',
          resources: [],
          detail: { taskId: 'KH266-III-28', percent: 40 },
        },
      },
    ]);
  });

  it('stamps the entry Time and Resources when given', async () => {
    // Prepare
    const { bus, delivered } = makeBus();

    // Act
    await bus.putEvents([
      { ...entry(), Time: new Date('2026-01-02T03:04:05Z'), Resources: ['arn:local:task/1'] },
    ]);
    await bus.drain();

    // Assess
    expect(delivered[0]?.event.time).toBe('2026-01-02T03:04:05Z');
    expect(delivered[0]?.event.resources).toEqual(['arn:local:task/1']);
  });

  it('delivers to every matching rule and to no other', async () => {
    // Prepare
    const rules: EventRuleDeclaration[] = [
      reportRule,
      { ...reportRule, name: 'notify', target: target('notifier') },
      { ...reportRule, name: 'other', target: target('never'), pattern: { source: ['aws.ec2'] } },
    ];
    const { bus, delivered } = makeBus({ rules });

    // Act
    await bus.putEvents([entry()]);
    await bus.drain();

    // Assess
    expect(delivered.map((d) => d.target).sort()).toEqual(['notifier', 'riskEvaluator']);
  });

  it('gives each target its own copy of the event', async () => {
    // Prepare
    const seen: unknown[] = [];
    const rules = [reportRule, { ...reportRule, name: 'second', target: target('second') }];
    const { bus } = makeBus({
      rules,
      invoke: (_name, event) => {
        seen.push(structuredClone(event.detail));
        (event.detail as Record<string, unknown>).taskId = 'mutated';
        return Promise.resolve();
      },
    });

    // Act
    await bus.putEvents([entry({ taskId: 'original' })]);
    await bus.drain();

    // Assess
    expect(seen).toEqual([{ taskId: 'original' }, { taskId: 'original' }]);
  });

  it('fails malformed entries one by one, as PutEvents does, and delivers the rest', async () => {
    // Prepare
    const { bus, delivered } = makeBus();

    // Act
    const result = await bus.putEvents([
      { ...entry(), Detail: '{not json' },
      entry(),
      { ...entry(), Detail: '[1, 2]' },
      { DetailType: 'ReportSubmitted', Detail: '{}' },
      { Source: 'langson.progress', Detail: '{}' },
      { Source: 'langson.progress', DetailType: 'ReportSubmitted' },
    ]);
    await bus.drain();

    // Assess
    expect(result.FailedEntryCount).toBe(5);
    expect(result.Entries.map((e) => e.ErrorCode ?? 'ok')).toEqual([
      'MalformedDetail',
      'ok',
      'MalformedDetail',
      'InvalidArgument',
      'InvalidArgument',
      'InvalidArgument',
    ]);
    expect(result.Entries[3]?.ErrorMessage).toMatch(/Source is a required argument/);
    expect(delivered).toHaveLength(1);
  });

  it.each([0, 11])('rejects a call with %i entries, as PutEvents does', async (count) => {
    // Prepare
    const { bus } = makeBus();

    // Act
    const put = bus.putEvents(Array.from({ length: count }, () => entry()));

    // Assess
    await expect(put).rejects.toThrow(/1 to 10 entries/);
  });
});

describe('LocalEventBus delivery failures', () => {
  it('retries a failing target until it succeeds', async () => {
    // Prepare
    const { calls, invoke } = flaky(2);
    const retryDelayMs = vi.fn(() => 1);
    const { bus, deadLetters } = makeBus({ invoke, retryDelayMs });

    // Act
    await bus.putEvents([entry()]);
    await bus.drain();

    // Assess
    expect(calls).toHaveLength(3);
    expect(retryDelayMs.mock.calls).toEqual([[1], [2]]);
    expect(await deadLetters.list()).toEqual([]);
  });

  it('dead-letters the event after maxAttempts failures', async () => {
    // Prepare
    const { calls, invoke } = flaky(Infinity);
    const { bus, deadLetters } = makeBus({ invoke });

    // Act
    const result = await bus.putEvents([entry()]);
    await bus.drain();

    // Assess
    expect(calls).toHaveLength(3);
    expect(await deadLetters.list()).toEqual([
      {
        id: expect.any(String),
        rule: 'report-submitted-to-risk',
        target: 'riskEvaluator',
        event: expect.objectContaining({ id: result.Entries[0]?.EventId }),
        attempts: 3,
        lastError: { name: 'Error', message: 'boom 3' },
        failedAt: '2026-07-08T03:04:05.678Z',
      },
    ]);
    expect(silent.error).toHaveBeenCalledWith(
      expect.stringMatching(/dead-lettered/),
      expect.anything(),
    );
  });

  it('waits the backoff delay before retrying', async () => {
    // Prepare
    vi.useFakeTimers();
    const { calls, invoke } = flaky(1);
    const { bus } = makeBus({ invoke, retryDelayMs: () => 1_000 });
    await bus.putEvents([entry()]);

    // Act
    await vi.advanceTimersByTimeAsync(999);
    const beforeDelay = calls.length;
    await vi.advanceTimersByTimeAsync(1);

    // Assess
    expect(beforeDelay).toBe(1);
    expect(calls).toHaveLength(2);
  });

  it('logs, and still drains, when the dead-letter store fails', async () => {
    // Prepare
    const broken: DeadLetterStore = {
      add: () => Promise.reject(new Error('disk full')),
      list: () => Promise.resolve([]),
      remove: () => Promise.resolve(),
    };
    const { bus } = makeBus({ invoke: flaky(Infinity).invoke, deadLetters: broken });

    // Act
    await bus.putEvents([entry()]);
    await bus.drain();

    // Assess
    expect(silent.error).toHaveBeenCalledWith(
      expect.stringMatching(/event lost/),
      expect.objectContaining({ storeError: { name: 'Error', message: 'disk full' } }),
    );
  });
});

describe('LocalEventBus.drain and close', () => {
  it('drain also waits for events published by the targets themselves', async () => {
    // Prepare
    const followUp: EventRuleDeclaration = {
      ...reportRule,
      name: 'follow-up',
      pattern: { 'detail-type': ['RiskFlagged'] },
      target: target('notifier'),
    };
    const targets: string[] = [];
    const holder: { bus?: LocalEventBus } = {};
    const { bus } = makeBus({
      rules: [reportRule, followUp],
      invoke: async (name) => {
        targets.push(name);
        if (name === 'riskEvaluator') {
          await holder.bus?.putEvents([{ ...entry(), DetailType: 'RiskFlagged' }]);
        }
      },
    });
    holder.bus = bus;

    // Act
    await bus.putEvents([entry()]);
    await bus.drain();

    // Assess
    expect(targets).toEqual(['riskEvaluator', 'notifier']);
  });

  it('close waits for accepted deliveries and then refuses new events', async () => {
    // Prepare
    const { bus, delivered } = makeBus();
    await bus.putEvents([entry()]);

    // Act
    await bus.close();
    const afterClose = bus.putEvents([entry()]);

    // Assess
    expect(delivered).toHaveLength(1);
    await expect(afterClose).rejects.toThrow(/closed/);
  });
});

describe('LocalEventBus.redeliver', () => {
  it('invokes the rule target once with the event', async () => {
    // Prepare
    const { bus, delivered } = makeBus();
    const event = { id: 'e-1', detail: {} } as BusEvent;

    // Act
    await bus.redeliver('report-submitted-to-risk', event);

    // Assess
    expect(delivered).toEqual([{ target: 'riskEvaluator', event }]);
  });

  it('rejects an unknown rule', async () => {
    // Prepare
    const { bus } = makeBus();

    // Act
    const redelivery = bus.redeliver('gone', { id: 'e-1' } as BusEvent);

    // Assess
    await expect(redelivery).rejects.toThrow(/No event rule named "gone"/);
  });
});

describe('LocalEventBus construction', () => {
  it.each([
    {
      rules: [{ ...reportRule, pattern: { source: 'langson.progress' } }],
      error: /Event rule "report-submitted-to-risk": Invalid event pattern at source/,
    },
    { rules: [reportRule, reportRule], error: /Two event rules are named/ },
    { rules: [{ ...reportRule, maxAttempts: 0 }], error: /maxAttempts must be an integer/ },
    { rules: [{ ...reportRule, maxAttempts: 1.5 }], error: /maxAttempts must be an integer/ },
  ])('refuses bad rules: $error', ({ rules, error }) => {
    // Act
    const build = () => makeBus({ rules: rules as EventRuleDeclaration[] });

    // Assess
    expect(build).toThrow(error);
  });
});
