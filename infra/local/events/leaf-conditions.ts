/**
 * What one entry of a pattern's value array asks of the event's leaf values: an exact value or
 * one of EventBridge's comparison operators
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html).
 * Compiling an entry validates it, so a malformed rule fails when the bus is built.
 */
import { BlockList, isIP } from 'node:net';

/** A JSON value that is neither an object nor an array. */
export type Leaf = string | number | boolean | null;

/** `exists` asks whether the field has any leaf at all; every other condition tests one leaf. */
export type LeafCondition =
  { kind: 'exists'; exists: boolean } | { kind: 'test'; test: (leaf: Leaf) => boolean };

type LeafTest = (leaf: Leaf) => boolean;

export function isLeaf(value: unknown): value is Leaf {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `path` is the field path inside the pattern, e.g. `detail.state[0]`; empty for the top level. */
export function patternError(path: string, problem: string): Error {
  return new Error(`Invalid event pattern at ${path || 'the top level'}: ${problem}`);
}

export function compileCondition(entry: unknown, path: string): LeafCondition {
  if (isLeaf(entry)) return { kind: 'test', test: (leaf) => leaf === entry };
  const [operator, operand] = singleOperator(
    entry,
    path,
    `${JSON.stringify(entry)} is neither a value nor an operator object`,
  );
  if (operator === 'exists') {
    if (typeof operand !== 'boolean') throw patternError(path, '"exists" takes true or false');
    return { kind: 'exists', exists: operand };
  }
  if (operator === 'anything-but') {
    const excluded = compileAnythingBut(operand, path);
    return { kind: 'test', test: (leaf) => !excluded(leaf) };
  }
  return { kind: 'test', test: compileOperator(operator, operand, path) };
}

/** Splits `{operator: operand}`; `problem` is the error when `entry` is not an object at all. */
function singleOperator(entry: unknown, path: string, problem: string): [string, unknown] {
  if (!isPlainObject(entry)) throw patternError(path, problem);
  const entries = Object.entries(entry);
  const [first] = entries;
  if (entries.length !== 1 || !first) {
    throw patternError(path, `an operator object needs exactly one key, got ${entries.length}`);
  }
  return first;
}

function compileOperator(operator: string, operand: unknown, path: string): LeafTest {
  switch (operator) {
    case 'prefix':
      return compileAffix(operand, path, 'prefix', (value, affix) => value.startsWith(affix));
    case 'suffix':
      return compileAffix(operand, path, 'suffix', (value, affix) => value.endsWith(affix));
    case 'equals-ignore-case': {
      const expected = requireString(operand, path, operator).toLowerCase();
      return (leaf) => typeof leaf === 'string' && leaf.toLowerCase() === expected;
    }
    case 'wildcard': {
      const regExp = wildcardRegExp(requireString(operand, path, operator), path);
      return (leaf) => typeof leaf === 'string' && regExp.test(leaf);
    }
    case 'numeric':
      return compileNumeric(operand, path);
    case 'cidr':
      return compileCidr(operand, path);
    default:
      throw patternError(path, `unknown operator "${operator}"`);
  }
}

/** `{prefix: "us-"}` or `{prefix: {"equals-ignore-case": "us-"}}`, and the same for suffix. */
function compileAffix(
  operand: unknown,
  path: string,
  operator: string,
  has: (value: string, affix: string) => boolean,
): LeafTest {
  if (typeof operand === 'string') return (leaf) => typeof leaf === 'string' && has(leaf, operand);
  const expected = `"${operator}" takes a string or {"equals-ignore-case": string}`;
  const [inner, value] = singleOperator(operand, path, expected);
  if (inner !== 'equals-ignore-case') throw patternError(path, expected);
  const affix = requireString(value, path, `${operator} equals-ignore-case`).toLowerCase();
  return (leaf) => typeof leaf === 'string' && has(leaf.toLowerCase(), affix);
}

/**
 * The values anything-but excludes: one value, a list of strings or of numbers, or an operator.
 * Any other leaf matches, whatever its type (AWS documents no type rule for anything-but).
 */
function compileAnythingBut(operand: unknown, path: string): LeafTest {
  if (typeof operand === 'string' || typeof operand === 'number') return (leaf) => leaf === operand;
  if (Array.isArray(operand)) {
    const allStrings = operand.every((value) => typeof value === 'string');
    const allNumbers = operand.every((value) => typeof value === 'number');
    if (operand.length === 0 || !(allStrings || allNumbers)) {
      throw patternError(
        path,
        '"anything-but" takes a non-empty list of only strings or only numbers',
      );
    }
    const excluded = new Set<unknown>(operand);
    return (leaf) => excluded.has(leaf);
  }
  const expected = '"anything-but" takes a string, a number, a list or an operator object';
  const [operator, value] = singleOperator(operand, path, expected);
  if (operator === 'prefix' || operator === 'suffix') {
    return compileOperator(operator, requireString(value, path, `anything-but ${operator}`), path);
  }
  if (operator === 'equals-ignore-case' || operator === 'wildcard') {
    const tests = stringOrList(value, path, `anything-but ${operator}`).map((one) =>
      compileOperator(operator, one, path),
    );
    return (leaf) => tests.some((test) => test(leaf));
  }
  throw patternError(path, `"anything-but" does not take "${operator}"`);
}

/**
 * `*` matches any run of characters (including none); `\*` and `\\` are a literal star and
 * backslash. Two wildcards in a row and any other escape are rejected, as by EventBridge.
 */
function wildcardRegExp(pattern: string, path: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '\\') {
      const escaped = pattern.charAt(i + 1);
      if (escaped !== '*' && escaped !== '\\') {
        throw patternError(path, 'in a wildcard, a backslash may only escape * or \\');
      }
      source += `\\${escaped}`;
      i++;
    } else if (char === '*') {
      if (pattern.charAt(i + 1) === '*') throw patternError(path, 'consecutive wildcards (**)');
      source += '.*';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 's');
}

const LOWER_BOUNDS = new Set(['>', '>=']);
const UPPER_BOUNDS = new Set(['<', '<=']);

/** `["=", 5]`, or at most one lower bound (`>`, `>=`) and one upper bound (`<`, `<=`). */
function compileNumeric(operand: unknown, path: string): LeafTest {
  if (!Array.isArray(operand) || operand.length === 0 || operand.length % 2 !== 0) {
    throw patternError(path, '"numeric" takes operator/number pairs, e.g. [">", 0, "<=", 5]');
  }
  const pairs: { operator: string; bound: number }[] = [];
  for (let i = 0; i < operand.length; i += 2) {
    const [operator, bound] = [operand[i], operand[i + 1]];
    const known = operator === '=' || LOWER_BOUNDS.has(operator) || UPPER_BOUNDS.has(operator);
    if (typeof operator !== 'string' || !known) {
      throw patternError(path, `unknown numeric operator ${JSON.stringify(operator)}`);
    }
    if (typeof bound !== 'number' || !Number.isFinite(bound)) {
      throw patternError(path, `numeric ${operator} needs a number, got ${JSON.stringify(bound)}`);
    }
    pairs.push({ operator, bound });
  }
  const lower = pairs.filter((pair) => LOWER_BOUNDS.has(pair.operator));
  const upper = pairs.filter((pair) => UPPER_BOUNDS.has(pair.operator));
  const equals = pairs.filter((pair) => pair.operator === '=');
  if (equals.length > 0 && pairs.length > 1)
    throw patternError(path, 'numeric "=" must stand alone');
  if (lower.length > 1 || upper.length > 1) {
    throw patternError(path, 'numeric takes at most one lower and one upper bound');
  }
  if (lower[0] && upper[0] && lower[0].bound >= upper[0].bound) {
    throw patternError(path, 'the numeric lower bound must be below the upper bound');
  }
  return (leaf) => typeof leaf === 'number' && pairs.every((pair) => compare(leaf, pair));
}

function compare(value: number, { operator, bound }: { operator: string; bound: number }): boolean {
  if (operator === '>') return value > bound;
  if (operator === '>=') return value >= bound;
  if (operator === '<') return value < bound;
  if (operator === '<=') return value <= bound;
  return value === bound;
}

/** IPv4 or IPv6 `address/prefix-length`; node's BlockList does the masking. */
function compileCidr(operand: unknown, path: string): LeafTest {
  const match = /^(.+)\/(\d{1,3})$/.exec(requireString(operand, path, 'cidr'));
  const family = match?.[1] ? isIP(match[1]) : 0;
  const prefixLength = Number(match?.[2]);
  if (!match?.[1] || family === 0 || prefixLength > (family === 4 ? 32 : 128)) {
    throw patternError(path, `"cidr" takes an IP range like "10.0.0.0/24", got "${operand}"`);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const range = new BlockList();
  range.addSubnet(match[1], prefixLength, type);
  return (leaf) => typeof leaf === 'string' && isIP(leaf) === family && range.check(leaf, type);
}

function requireString(value: unknown, path: string, operator: string): string {
  if (typeof value !== 'string') throw patternError(path, `"${operator}" takes a string`);
  return value;
}

function stringOrList(value: unknown, path: string, operator: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((one) => typeof one === 'string')) {
    return value;
  }
  throw patternError(path, `"${operator}" takes a string or a non-empty list of strings`);
}
