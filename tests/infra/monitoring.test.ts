import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { SCHEDULES } from '#shared/platform/events.ts';
import {
  defined,
  functionIds,
  only,
  SAMPLE_HANDLERS,
  SAMPLE_RULE,
  SAMPLE_SCHEDULE,
  STAGE,
  synthesize,
  type Synthesized,
} from './support/platform.ts';

let synthesized: Synthesized;
type Resource = { Type: string; Properties: Record<string, unknown> };
let resources: Record<string, Resource>;
let alarms: Record<string, unknown>[];

beforeAll(() => {
  synthesized = synthesize({
    declarations: {
      handlers: SAMPLE_HANDLERS,
      rules: [SAMPLE_RULE],
      schedules: [SAMPLE_SCHEDULE],
    },
  });
  resources = synthesized.stateless.toJSON().Resources as Record<string, Resource>;
  alarms = Object.values(resources)
    .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
    .map((r) => r.Properties);
});
afterAll(() => synthesized.dispose());

const alarmTopic = {
  'Fn::ImportValue': expect.stringMatching(/Stateful:ExportsOutputRefTopicsOperatorAlarms/),
};

const lambdaAlarm = (metricName: string, functionId: string) =>
  alarms.filter(
    (a) =>
      a.MetricName === metricName &&
      JSON.stringify(a.Dimensions) ===
        JSON.stringify([{ Name: 'FunctionName', Value: { Ref: functionId } }]),
  );

describe('alarms', () => {
  it('all notify the operator topic, and all but the quarter close on recovery too', () => {
    // Prepare
    const expected = { AlarmActions: [alarmTopic], OKActions: [alarmTopic] };

    // Act
    const notifying = alarms.filter((a) => expect.objectContaining(expected).asymmetricMatch(a));
    const alarmOnly = alarms.filter((a) => a.OKActions === undefined);

    // Assess
    expect(alarms.length).toBeGreaterThan(1);
    expect(notifying).toHaveLength(alarms.length - 1);
    expect(alarmOnly).toEqual([expect.objectContaining({ AlarmActions: [alarmTopic] })]);
  });

  it('watch the API 5XX rate: above 5% in 2 of 3 five-minute periods', () => {
    // Prepare
    const rate = alarms.filter((a) => JSON.stringify(a.Metrics ?? '').includes('5XXError'));

    // Act
    const [alarm] = rate;
    const metrics = alarm?.Metrics as { Id: string; Expression?: string }[];

    // Assess
    expect(rate).toHaveLength(1);
    expect(alarm).toMatchObject({
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      TreatMissingData: 'notBreaching',
    });
    expect(metrics.find((m) => m.Expression)?.Expression).toBe(
      'IF(requests > 0, 100 * errors / requests, 0)',
    );
    const [stageId] = defined(
      Object.entries(resources).find(([, r]) => r.Type === 'AWS::ApiGateway::Stage'),
      'stage',
    );
    expect(JSON.stringify(metrics)).toContain(`"Stage","Value":{"Ref":"${stageId}"}`);
  });

  it.each(Object.keys(SAMPLE_HANDLERS))('watch %s for errors and throttles', (handler) => {
    // Prepare
    const { function: functionId } = functionIds(synthesized.platform, handler);

    // Act
    const errors = lambdaAlarm('Errors', functionId);
    const throttles = lambdaAlarm('Throttles', functionId);

    // Assess
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      Threshold: handler === 'authorizer' ? 25 : 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Period: 300,
      Statistic: 'Sum',
    });
    expect(throttles).toHaveLength(1);
    expect(throttles[0]).toMatchObject({ Threshold: 1, Period: 300, Statistic: 'Sum' });
  });

  it('raise on the first message visible in any dead-letter queue', () => {
    // Prepare: the queues that are no work queue (those have a dead-letter queue of their own)
    const queueIds = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::SQS::Queue' && !r.Properties?.RedrivePolicy)
      .map(([id]) => id);

    // Act
    const watched = queueIds.map((id) =>
      alarms.filter(
        (a) =>
          a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
          JSON.stringify(a.Dimensions).includes(`"${id}"`),
      ),
    );

    // Assess
    expect(queueIds.length).toBeGreaterThanOrEqual(3); // rule, schedule, and failures
    for (const [index, found] of watched.entries()) {
      expect(found, queueIds[index]).toHaveLength(1);
      expect(found[0]).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Statistic: 'Maximum',
      });
    }
  });

  it('treat a day without a successful period snapshot run as failure', () => {
    // Prepare
    const rollup = alarms.filter((a) =>
      JSON.stringify(a.MetricName ?? a.Metrics ?? '').includes('RollupSucceeded'),
    );

    // Act
    const alarm = only(rollup, 'period-snapshots alarm');

    // Assess
    expect(alarm).toMatchObject({
      MetricName: 'RollupSucceeded',
      Namespace: 'LangSonProgress',
      Dimensions: [{ Name: 'service', Value: `langson-progress-${STAGE}` }],
      Period: 24 * 3600,
      Statistic: 'Sum',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'breaching',
      AlarmActions: [alarmTopic],
    });
    // It returns to OK by itself the next day, so a recovery notice would mislead.
    expect(alarm.OKActions).toBeUndefined();
  });

  it('match the period-snapshots schedule: every day, just after midnight in the province', () => {
    // Prepare
    const runs = SCHEDULES.filter((schedule) => schedule.target === 'closePeriods');

    // Act
    const fields = runs.map((schedule) => /^cron\((.*)\)$/.exec(schedule.cron)?.[1]?.split(' '));

    // Assess
    expect(runs.length).toBe(1);
    const [minute, hour, dayOfMonth, month] = fields[0] ?? [];
    expect({ dayOfMonth, month, timeZone: runs[0]?.timeZone }).toEqual({
      dayOfMonth: '*',
      month: '*',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(Number(hour) * 60 + Number(minute)).toBeLessThan(60);
  });

  it("match the functions' metrics: the service dimension is their POWERTOOLS_SERVICE_NAME", () => {
    // Prepare
    const { function: functionId } = functionIds(synthesized.platform, 'submitReport');
    const fn = defined(resources[functionId], `function ${functionId}`);

    // Act
    const service = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables
      .POWERTOOLS_SERVICE_NAME;
    const rollup = alarms.find((a) => a.MetricName === 'RollupSucceeded');

    // Assess
    expect(rollup?.Dimensions).toEqual([{ Name: 'service', Value: service }]);
  });
});

describe('the dashboard', () => {
  interface Widget {
    type: string;
    properties: { title?: string; metrics?: unknown[][]; alarms?: unknown[] };
  }

  /** The dashboard body as CloudWatch receives it, tokens replaced by a placeholder. */
  const widgets = (): Widget[] => {
    const dashboards = Object.values(resources).filter(
      (r) => r.Type === 'AWS::CloudWatch::Dashboard',
    );
    const body = only(dashboards, 'dashboard').Properties.DashboardBody as {
      'Fn::Join': [string, unknown[]];
    };
    const text = body['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'TOKEN'));
    return (JSON.parse(text.join('')) as { widgets: Widget[] }).widgets;
  };
  const graph = (title: string) => {
    const found = only(
      widgets().filter((w) => w.properties.title === title),
      `widget "${title}"`,
    );
    return found.properties.metrics ?? [];
  };
  /** Metric rows as `namespace/name statistic`. */
  const names = (rows: unknown[][]) =>
    rows.map((row) => {
      const options = row.at(-1);
      const stat =
        typeof options === 'object' && options !== null && 'stat' in options
          ? ` ${String(options.stat)}`
          : '';
      return `${String(row[0])}/${String(row[1])}${stat}`;
    });

  it('shows the API: requests, 4XX and 5XX, latency p50 and p99', () => {
    // Prepare
    const titles = ['API requests', 'API errors', 'API latency (ms)'];

    // Act
    const rows = titles.map((title) => names(graph(title)));

    // Assess
    expect(rows).toEqual([
      ['AWS/ApiGateway/Count Sum'],
      ['AWS/ApiGateway/4XXError Sum', 'AWS/ApiGateway/5XXError Sum'],
      ['AWS/ApiGateway/Latency p50', 'AWS/ApiGateway/Latency p99'],
    ]);
  });

  it.each([
    ['Reports accepted per sector', 'ReportsAccepted'],
    ['Tasks at risk per sector', 'TasksAtRisk'],
  ])('shows %s, one line per sector', (title, metric) => {
    // Prepare
    const expected = SECTORS.map((sector) => [
      'LangSonProgress',
      metric,
      'sector',
      sector,
      'service',
      `langson-progress-${STAGE}`,
    ]);

    // Act
    const rows = graph(title).map((row) => row.slice(0, 6));

    // Assess
    expect(rows).toEqual(expected);
  });

  it('shows the rollups: duration and successes', () => {
    // Prepare
    const titles = ['Rollup duration (ms)', 'Rollups succeeded per day'];

    // Act
    const rows = titles.map((title) => names(graph(title)));

    // Assess
    expect(rows).toEqual([
      ['LangSonProgress/RollupDurationMs p50', 'LangSonProgress/RollupDurationMs Maximum'],
      ['LangSonProgress/RollupSucceeded Sum'],
    ]);
  });

  it('shows every dead-letter queue, every function, and every alarm', () => {
    // Prepare
    const queues = Object.values(resources).filter(
      (r) => r.Type === 'AWS::SQS::Queue' && !r.Properties?.RedrivePolicy,
    ).length;
    const functions = Object.keys(SAMPLE_HANDLERS).length;

    // Act
    const deadLetters = graph('Dead letters waiting');
    const errors = graph('Function errors');
    const throttles = graph('Function throttles');
    const [status] = widgets().filter((w) => w.type === 'alarm');

    // Assess
    expect(deadLetters).toHaveLength(queues);
    expect(new Set(names(deadLetters))).toEqual(
      new Set(['AWS/SQS/ApproximateNumberOfMessagesVisible Maximum']),
    );
    expect(errors).toHaveLength(functions);
    expect(new Set(names(errors))).toEqual(new Set(['AWS/Lambda/Errors Sum']));
    expect(throttles).toHaveLength(functions);
    expect(status?.properties.alarms).toHaveLength(alarms.length);
  });

  it('is linked from the outputs, with the API URL', () => {
    // Prepare
    const outputs = synthesized.stateless.toJSON().Outputs as Record<string, { Value: unknown }>;

    // Act
    const dashboardUrl = JSON.stringify(outputs.DashboardUrl?.Value);

    // Assess
    expect(dashboardUrl).toContain('#dashboards:name=');
    expect(outputs.ApiUrl?.Value).toBeDefined();
  });
});
