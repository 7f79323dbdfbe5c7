/**
 * EventBridge event patterns, evaluated in Node for the local bus. No maintained npm package
 * does this (AWS's reference matcher, aws/event-ruler, is Java), so it follows AWS's documented
 * behaviour (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html):
 * - every field the pattern names must match (AND); a field matches when any entry of its value
 *   array matches any of the event's values there (OR);
 * - arrays in the event are flattened, and objects inside them are matched one element at a
 *   time, so one match never combines fields of different elements (event-ruler's
 *   "array-consistent" matching);
 * - `exists` looks at leaves only: a field holding an object or an empty array counts as absent;
 * - `$or: [pattern, pattern, ...]` at any level matches when one branch does, ANDed with its
 *   sibling fields.
 */
import type { EventPattern } from '#shared/platform/events.ts';
import {
  compileCondition,
  isLeaf,
  isPlainObject,
  patternError,
  type Leaf,
} from './leaf-conditions.ts';

type Matcher = (value: unknown) => boolean;

/** Patterns are declared once and matched against every event: compile each only once. */
const compiled = new WeakMap<object, Matcher>();

/** Throws an Error naming the offending path when the pattern is malformed. */
export function validatePattern(pattern: unknown): asserts pattern is EventPattern {
  compile(pattern);
}

export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return compile(pattern)(event);
}

function compile(pattern: unknown): Matcher {
  if (!isPlainObject(pattern)) throw patternError('', 'expected a pattern object');
  let matcher = compiled.get(pattern);
  if (!matcher) {
    matcher = compileObject(pattern, '');
    compiled.set(pattern, matcher);
  }
  return matcher;
}

function compileObject(pattern: unknown, path: string): Matcher {
  if (!isPlainObject(pattern)) throw patternError(path, 'expected a pattern object');
  const fields = Object.entries(pattern);
  // A rule with no field would match every event: almost surely a mistake in a declaration.
  if (fields.length === 0) throw patternError(path, 'a pattern object needs at least one field');
  const checks = fields.map(([key, value]) => {
    const fieldPath = path ? `${path}.${key}` : key;
    return key === '$or' ? compileOr(value, fieldPath) : compileField(key, value, fieldPath);
  });
  return (value) => someNode(value, (node) => checks.every((check) => check(node)));
}

function compileOr(branches: unknown, path: string): Matcher {
  if (!Array.isArray(branches) || branches.length < 2) {
    throw patternError(path, '"$or" takes a list of at least two pattern objects');
  }
  const matchers = branches.map((branch, i) => compileObject(branch, `${path}[${i}]`));
  return (node) => matchers.some((matcher) => matcher(node));
}

function compileField(key: string, value: unknown, path: string): Matcher {
  if (isPlainObject(value)) {
    const nested = compileObject(value, path);
    return (node) => nested(fieldOf(node, key));
  }
  if (!Array.isArray(value)) {
    throw patternError(path, 'expected an array of values or a nested pattern object');
  }
  if (value.length === 0) throw patternError(path, 'an empty array matches nothing');
  const conditions = value.map((entry, i) => compileCondition(entry, `${path}[${i}]`));
  return (node) => {
    const leaves = leavesOf(fieldOf(node, key));
    return conditions.some((condition) =>
      condition.kind === 'exists'
        ? leaves.length > 0 === condition.exists
        : leaves.some((leaf) => condition.test(leaf)),
    );
  };
}

/** Tests each element of an array value separately (missing when it is empty). */
function someNode(value: unknown, test: (node: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return test(value);
  const elements: unknown[] = value.flat(Infinity);
  return elements.length === 0 ? test(undefined) : elements.some(test);
}

function fieldOf(node: unknown, key: string): unknown {
  return isPlainObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

function leavesOf(value: unknown): Leaf[] {
  if (Array.isArray(value)) return (value.flat(Infinity) as unknown[]).filter(isLeaf);
  return isLeaf(value) ? [value] : [];
}
