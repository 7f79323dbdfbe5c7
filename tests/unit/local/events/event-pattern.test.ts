/**
 * Cases taken from AWS's documentation of event patterns (the user guide's pages on patterns,
 * arrays, null values and content filtering, and the aws/event-ruler README), each with the
 * events it must and must not match.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventPattern } from '#shared/platform/events.ts';
import { matchesPattern } from '#infra/local/events/event-pattern.ts';

/** The sample event of the event-ruler README. */
const ec2Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

const withDetail = (detail: Record<string, unknown>) => ({ ...ec2Event, detail });

interface Case {
  name: string;
  pattern: EventPattern;
  event: unknown;
  matches: boolean;
}

function check(cases: Case[]) {
  it.each(cases)('$name', ({ pattern, event, matches }) => {
    // Act
    const result = matchesPattern(pattern, event);

    // Assess
    expect(result).toBe(matches);
  });
}

describe('exact values', () => {
  const terminated = {
    source: ['aws.ec2'],
    'detail-type': ['EC2 Instance State-change Notification'],
    detail: { state: ['terminated'] },
  };
  check([
    {
      name: 'the EC2 termination pattern matches a termination',
      pattern: terminated,
      event: withDetail({ 'instance-id': 'i-1234567890abcdef0', state: 'terminated' }),
      matches: true,
    },
    {
      name: 'the EC2 termination pattern does not match a running instance',
      pattern: terminated,
      event: ec2Event,
      matches: false,
    },
    {
      name: 'a value array matches any of its values',
      pattern: { source: ['aws.ec2', 'aws.fargate'] },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'a value array matches none of other values',
      pattern: { source: ['aws.s3', 'aws.fargate'] },
      event: ec2Event,
      matches: false,
    },
    {
      name: 'matching is case-sensitive',
      pattern: { source: ['AWS.EC2'] },
      event: ec2Event,
      matches: false,
    },
    {
      name: 'a field the event lacks does not match',
      pattern: { detail: { 'availability-zone': ['us-east-1a'] } },
      event: ec2Event,
      matches: false,
    },
    {
      name: 'the field must sit at the same nesting',
      pattern: { state: ['running'] },
      event: ec2Event,
      matches: false,
    },
    {
      name: 'numbers match numbers',
      pattern: { detail: { 'c-count': [5] } },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'a number does not match its string form',
      pattern: { detail: { 'c-count': ['5'] } },
      event: ec2Event,
      matches: false,
    },
    {
      name: 'booleans match booleans',
      pattern: { detail: { enabled: [true] } },
      event: withDetail({ enabled: true }),
      matches: true,
    },
    {
      name: 'a boolean does not match its string form',
      pattern: { detail: { enabled: [true] } },
      event: withDetail({ enabled: 'true' }),
      matches: false,
    },
  ]);
});

describe('arrays in events', () => {
  const resources = [
    'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
    'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
    'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
  ];
  const employees = [
    { firstName: 'John', lastName: 'Doe' },
    { firstName: 'Anna', lastName: 'Smith' },
    { firstName: 'Peter', lastName: 'Jones' },
  ];
  check([
    {
      name: 'an event array matches when it shares a value with the pattern',
      pattern: { resources },
      event: {
        resources: [
          'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
          'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        ],
      },
      matches: true,
    },
    {
      name: 'an event array sharing no value does not match',
      pattern: { resources },
      event: { resources: ['arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f'] },
      matches: false,
    },
    {
      name: 'objects inside an array are matched as the field value',
      pattern: { employees: { firstName: ['Anna'] } },
      event: { employees },
      matches: true,
    },
    {
      name: 'multi-level arrays are flattened',
      pattern: { employees: { firstName: ['Peter'] } },
      event: { employees: [employees.slice(0, 2), employees.slice(2)] },
      matches: true,
    },
    {
      name: 'two fields must match within the same array element',
      pattern: { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
      event: { employees },
      matches: false,
    },
    {
      name: 'two fields of the same array element match together',
      pattern: { employees: { firstName: ['Anna'], lastName: ['Smith'] } },
      event: { employees },
      matches: true,
    },
  ]);
});

describe('null values and empty strings', () => {
  const event = {
    ...ec2Event,
    resources: [],
    detail: { eventVersion: '', responseElements: null },
  };
  check([
    {
      name: 'an empty string matches an empty string',
      pattern: { detail: { eventVersion: [''] } },
      event,
      matches: true,
    },
    {
      name: 'null matches null',
      pattern: { detail: { responseElements: [null] } },
      event,
      matches: true,
    },
    {
      name: 'an empty string does not match null',
      pattern: { detail: { responseElements: [''] } },
      event,
      matches: false,
    },
    {
      name: 'null does not match an empty string',
      pattern: { detail: { eventVersion: [null] } },
      event,
      matches: false,
    },
    {
      name: 'null does not match a missing field',
      pattern: { detail: { errorCode: [null] } },
      event,
      matches: false,
    },
  ]);
});

describe('prefix, suffix, equals-ignore-case and wildcard', () => {
  check([
    {
      name: 'prefix matches the start of a string',
      pattern: { time: [{ prefix: '2017-10-02' }] },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'prefix rejects another start',
      pattern: { time: [{ prefix: '2017-10-03' }] },
      event: ec2Event,
      matches: false,
    },
    {
      name: 'prefix works on strings only',
      pattern: { detail: { 'c-count': [{ prefix: '5' }] } },
      event: ec2Event,
      matches: false,
    },
    {
      name: 'prefix with equals-ignore-case ignores the case',
      pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
      event: withDetail({ service: 'eventbridge' }),
      matches: true,
    },
    {
      name: 'prefix with equals-ignore-case still needs the prefix',
      pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
      event: withDetail({ service: 'lambda' }),
      matches: false,
    },
    {
      name: 'suffix matches the end of a string',
      pattern: { source: [{ suffix: 'ec2' }] },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'suffix is case-sensitive',
      pattern: { detail: { FileName: [{ suffix: '.png' }] } },
      event: withDetail({ FileName: 'photo.PNG' }),
      matches: false,
    },
    {
      name: 'suffix with equals-ignore-case ignores the case',
      pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
      event: withDetail({ FileName: 'photo.PNG' }),
      matches: true,
    },
    {
      name: 'equals-ignore-case matches another casing',
      pattern: { detail: { Name: [{ 'equals-ignore-case': 'alice' }] } },
      event: withDetail({ Name: 'Alice' }),
      matches: true,
    },
    {
      name: 'equals-ignore-case needs the whole value',
      pattern: { detail: { Name: [{ 'equals-ignore-case': 'alice' }] } },
      event: withDetail({ Name: 'Alicia' }),
      matches: false,
    },
    {
      name: 'equals-ignore-case folds Vietnamese letters too',
      pattern: { detail: { agency: [{ 'equals-ignore-case': 'sở tài chính' }] } },
      event: withDetail({ agency: 'SỞ TÀI CHÍNH' }),
      matches: true,
    },
    {
      name: 'a wildcard matches any run of characters',
      pattern: { source: [{ wildcard: 'Simple*Service' }] },
      event: { source: 'SimpleQueueService' },
      matches: true,
    },
    {
      name: 'a wildcard matches no characters',
      pattern: { source: [{ wildcard: 'Simple*Service' }] },
      event: { source: 'SimpleService' },
      matches: true,
    },
    {
      name: 'a wildcard pattern must cover the whole value',
      pattern: { source: [{ wildcard: 'Simple*Service' }] },
      event: { source: 'SimpleQueueServices' },
      matches: false,
    },
    {
      name: 'wildcards in an ARN',
      pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
      event: { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/default' },
      matches: true,
    },
    {
      name: 'an escaped star is a literal star',
      pattern: { key: [{ wildcard: 'a\\*b' }] },
      event: { key: 'axb' },
      matches: false,
    },
    {
      name: 'an escaped star matches a star',
      pattern: { key: [{ wildcard: 'a\\*b' }] },
      event: { key: 'a*b' },
      matches: true,
    },
    {
      name: 'regular-expression characters are literal in a wildcard',
      pattern: { key: [{ wildcard: 'file.(1)*' }] },
      event: { key: 'fileX(1).txt' },
      matches: false,
    },
  ]);
});

describe('anything-but', () => {
  check([
    {
      name: 'a string other than the excluded one matches',
      pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'the excluded string does not match',
      pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
      event: withDetail({ state: 'initializing' }),
      matches: false,
    },
    {
      name: 'a number other than the excluded one matches',
      pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'the excluded number does not match',
      pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
      event: withDetail({ 'x-limit': 123 }),
      matches: false,
    },
    {
      name: 'a string outside the excluded list matches',
      pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'a string in the excluded list does not match',
      pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
      event: withDetail({ state: 'overloaded' }),
      matches: false,
    },
    {
      name: 'a number in the excluded list does not match',
      pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
      event: withDetail({ 'x-limit': 200 }),
      matches: false,
    },
    {
      name: 'a value without the excluded prefix matches',
      pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'a value with the excluded prefix does not match',
      pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
      event: withDetail({ state: 'initializing' }),
      matches: false,
    },
    {
      name: 'a value with the excluded suffix does not match',
      pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.png' } }] } },
      event: withDetail({ FileName: 'photo.png' }),
      matches: false,
    },
    {
      name: 'another casing of the excluded value does not match',
      pattern: {
        detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] },
      },
      event: withDetail({ state: 'INITIALIZING' }),
      matches: false,
    },
    {
      name: 'a value outside an ignore-case list matches',
      pattern: {
        detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['stopped', 'pending'] } }] },
      },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'a path matching the excluded wildcard does not match',
      pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
      event: withDetail({ FilePath: '/usr/lib/libc.so' }),
      matches: false,
    },
    {
      name: 'a path outside the excluded wildcard matches',
      pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
      event: withDetail({ FilePath: '/usr/bin/env' }),
      matches: true,
    },
    {
      name: 'anything-but needs the field to be present',
      pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
      event: withDetail({}),
      matches: false,
    },
    {
      name: 'an event array matches when one element is not excluded',
      pattern: { detail: { state: [{ 'anything-but': 'stopped' }] } },
      event: withDetail({ state: ['stopped', 'running'] }),
      matches: true,
    },
    {
      name: 'an event array of excluded values does not match',
      pattern: { detail: { state: [{ 'anything-but': 'stopped' }] } },
      event: withDetail({ state: ['stopped', 'stopped'] }),
      matches: false,
    },
  ]);
});

describe('numeric and cidr', () => {
  const ranges = {
    detail: {
      'c-count': [{ numeric: ['>', 0, '<=', 5] }],
      'd-count': [{ numeric: ['<', 10] }],
      'x-limit': [{ numeric: ['=', 3.018e2] }],
    },
  };
  check([
    { name: 'values inside every range match', pattern: ranges, event: ec2Event, matches: true },
    {
      name: 'a value above the upper bound does not match',
      pattern: ranges,
      event: withDetail({ ...ec2Event.detail, 'c-count': 6 }),
      matches: false,
    },
    {
      name: 'an exclusive lower bound excludes itself',
      pattern: ranges,
      event: withDetail({ ...ec2Event.detail, 'c-count': 0 }),
      matches: false,
    },
    {
      name: 'numeric = compares by value',
      pattern: { detail: { 'x-limit': [{ numeric: ['=', 301.8] }] } },
      event: withDetail({ 'x-limit': 3.018e2 }),
      matches: true,
    },
    {
      name: 'numeric works on JSON numbers only',
      pattern: { detail: { 'c-count': [{ numeric: ['>', 0] }] } },
      event: withDetail({ 'c-count': '5' }),
      matches: false,
    },
    {
      name: 'an address inside the IPv4 range matches',
      pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
      event: ec2Event,
      matches: true,
    },
    {
      name: 'an address outside the IPv4 range does not match',
      pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
      event: withDetail({ 'source-ip': '10.0.1.33' }),
      matches: false,
    },
    {
      name: 'an address inside an IPv6 range matches',
      pattern: { detail: { 'source-ip': [{ cidr: '2001:db8::/32' }] } },
      event: withDetail({ 'source-ip': '2001:db8:0:1::7' }),
      matches: true,
    },
    {
      name: 'a string that is not an address does not match a range',
      pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/8' }] } },
      event: withDetail({ 'source-ip': 'localhost' }),
      matches: false,
    },
  ]);
});

describe('exists', () => {
  check([
    {
      name: 'exists: true matches a present field',
      pattern: { detail: { state: [{ exists: true }] } },
      event: withDetail({ 'instance-id': 'i-abcd1111', state: 'pending' }),
      matches: true,
    },
    {
      name: 'exists: true does not match a missing field',
      pattern: { detail: { state: [{ exists: true }] } },
      event: withDetail({ 'c-count': { c1: 100 } }),
      matches: false,
    },
    {
      name: 'exists: false matches a missing field',
      pattern: { detail: { 'c-count': [{ exists: false }] } },
      event: withDetail({ state: ['initializing', 'running'] }),
      matches: true,
    },
    {
      name: 'exists: false matches a field that is not a leaf',
      pattern: { detail: { 'c-count': [{ exists: false }] } },
      event: withDetail({ state: 'running', 'c-count': { c1: 100 } }),
      matches: true,
    },
    {
      name: 'exists: true does not match a field that is not a leaf',
      pattern: { detail: { 'c-count': [{ exists: true }] } },
      event: withDetail({ 'c-count': { c1: 100 } }),
      matches: false,
    },
    {
      name: 'exists: false does not match a present leaf',
      pattern: { detail: { 'c-count': [{ exists: false }] } },
      event: ec2Event,
      matches: false,
    },
    {
      name: 'exists: false matches when the parent object is missing',
      pattern: { detail: { 'c-count': [{ exists: false }] } },
      event: { source: 'aws.ec2' },
      matches: true,
    },
    {
      name: 'a null value exists',
      pattern: { detail: { 'c-count': [{ exists: true }] } },
      event: withDetail({ 'c-count': null }),
      matches: true,
    },
    {
      name: 'an empty array holds no leaf, so the field counts as absent',
      pattern: { resources: [{ exists: false }] },
      event: { ...ec2Event, resources: [] },
      matches: true,
    },
    {
      name: 'exists: false in an array of objects needs an element without the field',
      pattern: { detail: { items: { sku: [{ exists: false }] } } },
      event: withDetail({ items: [{ sku: 'a' }, { sku: 'b' }] }),
      matches: false,
    },
    {
      name: 'exists: false in an array of objects matches an element without the field',
      pattern: { detail: { items: { sku: [{ exists: false }] } } },
      event: withDetail({ items: [{ sku: 'a' }, { name: 'b' }] }),
      matches: true,
    },
    {
      name: 'exists: false with a value matches either',
      pattern: { detail: { priority: ['high', { exists: false }] } },
      event: withDetail({ priority: 'high' }),
      matches: true,
    },
  ]);
});

describe('$or', () => {
  const metricOrNamespace = {
    source: ['aws.cloudwatch'],
    $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
  };
  const parallel = {
    $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
    detail: {
      $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }],
    },
  };
  const nested = {
    source: ['aws.cloudwatch'],
    $or: [
      { metricName: ['CPUUtilization', 'ReadLatency'] },
      {
        metricType: ['MetricType'],
        namespace: ['AWS/EC2', 'AWS/ES'],
        $or: [{ metricId: [1234] }, { spaceId: [1000] }],
      },
      { scope: ['Service'] },
    ],
  };
  check([
    {
      name: 'the first branch matches',
      pattern: metricOrNamespace,
      event: { source: 'aws.cloudwatch', metricName: 'CPUUtilization' },
      matches: true,
    },
    {
      name: 'the second branch matches',
      pattern: metricOrNamespace,
      event: { source: 'aws.cloudwatch', namespace: 'AWS/ES' },
      matches: true,
    },
    {
      name: 'no branch matches',
      pattern: metricOrNamespace,
      event: { source: 'aws.cloudwatch', namespace: 'AWS/S3' },
      matches: false,
    },
    {
      name: 'a branch matches but a sibling field does not',
      pattern: metricOrNamespace,
      event: { source: 'aws.ec2', metricName: 'CPUUtilization' },
      matches: false,
    },
    {
      name: 'parallel $or at two levels both match',
      pattern: parallel,
      event: { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } },
      matches: true,
    },
    {
      name: 'parallel $or needs both levels',
      pattern: parallel,
      event: { namespace: 'AWS/EC2', detail: { source: 'aws.s3' } },
      matches: false,
    },
    {
      name: 'a nested $or inside an AND branch matches',
      pattern: nested,
      event: {
        source: 'aws.cloudwatch',
        metricType: 'MetricType',
        namespace: 'AWS/EC2',
        spaceId: 1000,
      },
      matches: true,
    },
    {
      name: 'a nested $or inside an AND branch needs one of its branches',
      pattern: nested,
      event: {
        source: 'aws.cloudwatch',
        metricType: 'MetricType',
        namespace: 'AWS/EC2',
        spaceId: 1,
      },
      matches: false,
    },
  ]);
});

describe('the complex example', () => {
  const pattern = {
    time: [{ prefix: '2017-10-02' }],
    detail: {
      state: [{ 'anything-but': 'initializing' }],
      'c-count': [{ numeric: ['>', 0, '<=', 5] }],
      'd-count': [{ numeric: ['<', 10] }],
      'x-limit': [{ 'anything-but': [100, 200, 300] }],
      'source-ip': [{ cidr: '10.0.0.0/8' }],
    },
  };
  check([
    { name: 'matches the sample event', pattern, event: ec2Event, matches: true },
    {
      name: 'fails when one condition fails',
      pattern,
      event: withDetail({ ...ec2Event.detail, state: 'initializing' }),
      matches: false,
    },
  ]);
});

describe('properties', () => {
  const leaf = fc.oneof(fc.string(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));

  it('an exact value matches only an equal leaf of the same type', () => {
    fc.assert(
      fc.property(leaf, leaf, (wanted, actual) => {
        // Act
        const result = matchesPattern({ field: [wanted] }, { field: actual });

        // Assess
        expect(result).toBe(wanted === actual);
      }),
    );
  });

  it('anything-but a string is the complement of the exact string', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (excluded, actual) => {
        // Act
        const result = matchesPattern({ f: [{ 'anything-but': excluded }] }, { f: actual });

        // Assess
        expect(result).toBe(!matchesPattern({ f: [excluded] }, { f: actual }));
      }),
    );
  });

  it('$or matches when either branch matches on its own', () => {
    const branch = fc.record({ a: fc.constantFrom(['x'], ['y'], [{ exists: false }]) });
    fc.assert(
      fc.property(branch, branch, fc.constantFrom('x', 'y', undefined), (first, second, a) => {
        // Prepare
        const event = a === undefined ? {} : { a };

        // Act
        const result = matchesPattern({ $or: [first, second] }, event);

        // Assess
        expect(result).toBe(matchesPattern(first, event) || matchesPattern(second, event));
      }),
    );
  });

  it('a numeric range agrees with the comparison it spells', () => {
    const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    fc.assert(
      fc.property(number, number, number, (a, b, value) => {
        fc.pre(a < b);
        // Act
        const result = matchesPattern({ n: [{ numeric: ['>', a, '<=', b] }] }, { n: value });

        // Assess
        expect(result).toBe(value > a && value <= b);
      }),
    );
  });

  it('a *text* wildcard is a substring test', () => {
    const text = fc.string().filter((s) => s !== '' && !s.includes('*') && !s.includes('\\'));
    fc.assert(
      fc.property(text, fc.string(), (needle, haystack) => {
        // Act
        const result = matchesPattern({ s: [{ wildcard: `*${needle}*` }] }, { s: haystack });

        // Assess
        expect(result).toBe(haystack.includes(needle));
      }),
    );
  });
});
