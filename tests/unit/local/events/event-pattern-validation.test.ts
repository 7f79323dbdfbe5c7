import { describe, expect, it } from 'vitest';
import { validatePattern } from '#infra/local/events/event-pattern.ts';

describe('validatePattern', () => {
  it.each([
    { pattern: ['aws.ec2'], error: /top level: expected a pattern object/ },
    { pattern: null, error: /top level: expected a pattern object/ },
    { pattern: {}, error: /top level: a pattern object needs at least one field/ },
    { pattern: { source: 'aws.ec2' }, error: /at source: expected an array of values/ },
    { pattern: { detail: { state: 'running' } }, error: /at detail\.state: expected an array/ },
    { pattern: { detail: {} }, error: /at detail: a pattern object needs at least one field/ },
    { pattern: { source: [] }, error: /at source: an empty array matches nothing/ },
    { pattern: { source: [['aws.ec2']] }, error: /at source\[0\]: .* neither a value nor/ },
    { pattern: { source: [{ prefx: 'aws.' }] }, error: /at source\[0\]: unknown operator "prefx"/ },
    { pattern: { source: [{ prefix: 'a', suffix: 'b' }] }, error: /exactly one key, got 2/ },
    { pattern: { source: [{}] }, error: /exactly one key, got 0/ },
    { pattern: { source: [{ prefix: 1 }] }, error: /"prefix" takes/ },
    { pattern: { source: [{ prefix: { wildcard: 'a*' } }] }, error: /"prefix" takes a string or/ },
    { pattern: { source: [{ suffix: { 'equals-ignore-case': 2 } }] }, error: /takes a string/ },
    { pattern: { source: [{ 'equals-ignore-case': ['a'] }] }, error: /takes a string/ },
    { pattern: { source: [{ wildcard: 'a**b' }] }, error: /consecutive wildcards/ },
    { pattern: { source: [{ wildcard: 'a\\b' }] }, error: /may only escape/ },
    { pattern: { source: [{ wildcard: 'a\\' }] }, error: /may only escape/ },
    { pattern: { n: [{ numeric: [] }] }, error: /operator\/number pairs/ },
    { pattern: { n: [{ numeric: ['>'] }] }, error: /operator\/number pairs/ },
    { pattern: { n: [{ numeric: 5 }] }, error: /operator\/number pairs/ },
    { pattern: { n: [{ numeric: ['!=', 5] }] }, error: /unknown numeric operator "!="/ },
    { pattern: { n: [{ numeric: ['>', '5'] }] }, error: /needs a number/ },
    { pattern: { n: [{ numeric: ['=', 1, '<', 2] }] }, error: /"=" must stand alone/ },
    { pattern: { n: [{ numeric: ['>', 1, '>=', 2] }] }, error: /at most one lower/ },
    { pattern: { n: [{ numeric: ['>', 5, '<', 1] }] }, error: /lower bound must be below/ },
    { pattern: { n: [{ numeric: ['>=', 5, '<=', 5] }] }, error: /lower bound must be below/ },
    { pattern: { e: [{ exists: 'yes' }] }, error: /"exists" takes true or false/ },
    { pattern: { s: [{ 'anything-but': [] }] }, error: /non-empty list of only strings or only/ },
    { pattern: { s: [{ 'anything-but': ['a', 1] }] }, error: /only strings or only numbers/ },
    {
      pattern: { s: [{ 'anything-but': true }] },
      error: /"anything-but" takes a string, a number/,
    },
    { pattern: { s: [{ 'anything-but': { prefix: ['a'] } }] }, error: /takes a string/ },
    {
      pattern: { s: [{ 'anything-but': { numeric: ['>', 1] } }] },
      error: /does not take "numeric"/,
    },
    { pattern: { s: [{ 'anything-but': { wildcard: [] } }] }, error: /non-empty list of strings/ },
    { pattern: { ip: [{ cidr: '10.0.0.1' }] }, error: /"cidr" takes an IP range/ },
    { pattern: { ip: [{ cidr: '10.0.0.0/33' }] }, error: /"cidr" takes an IP range/ },
    { pattern: { ip: [{ cidr: 'intranet/8' }] }, error: /"cidr" takes an IP range/ },
    { pattern: { $or: [{ a: ['1'] }] }, error: /at \$or: "\$or" takes a list of at least two/ },
    { pattern: { $or: { a: ['1'] } }, error: /"\$or" takes a list/ },
    { pattern: { $or: ['a', 'b'] }, error: /at \$or\[0\]: expected a pattern object/ },
    { pattern: { d: { $or: [{ a: ['1'] }, { b: 'x' }] } }, error: /at d\.\$or\[1\]\.b: expected/ },
  ])('rejects $pattern', ({ pattern, error }) => {
    // Act
    const act = () => validatePattern(pattern);

    // Assess
    expect(act).toThrow(error);
  });

  it.each([
    { source: ['langson.progress'], 'detail-type': ['ReportSubmitted'] },
    { detail: { percent: [{ numeric: ['>=', 0, '<', 100] }, { exists: false }] } },
    { detail: { agency: [{ 'anything-but': { 'equals-ignore-case': ['a', 'b'] } }] } },
    { detail: { path: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }, null, 3, true] } },
    { $or: [{ a: [{ prefix: { 'equals-ignore-case': 'x' } }] }, { b: [{ cidr: '::1/128' }] }] },
    { n: [{ numeric: ['<=', 5, '>', 0] }] },
  ])('accepts %j', (pattern) => {
    // Act
    const act = () => validatePattern(pattern);

    // Assess
    expect(act).not.toThrow();
  });
});
