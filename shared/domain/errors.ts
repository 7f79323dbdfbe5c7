/**
 * The domain's typed failures. They say what went wrong in the domain's words; the HTTP
 * edge maps each kind to a status (functions/api/http/problem.ts), the domain never does.
 */
export type DomainErrorKind =
  | 'not-found'
  | 'forbidden'
  | 'invalid'
  | 'unprocessable'
  | 'conflict'
  | 'too-large'
  | 'unavailable';

export interface FieldProblem {
  /** Where in the request: `body.actuals.lua`, `query.limit`, `path.taskId`. */
  field: string;
  reason: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** A stable, URL-safe slug naming this failure (the problem `type` ends with it). */
  abstract readonly code: string;
  readonly fields: FieldProblem[];
  /** Structured detail a client acts on (the unresolved names of an import…), beside `fields`. */
  extensions: Record<string, unknown> = {};

  constructor(message: string, fields: FieldProblem[] = [], options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.fields = fields;
  }

  /** Adds structured detail to the problem this error becomes. */
  with(extensions: Record<string, unknown>): this {
    this.extensions = { ...this.extensions, ...extensions };
    return this;
  }
}

/** A failure whose code the thrower names (`task-not-found`, `not-task-holder`…). */
abstract class NamedDomainError extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    fields: FieldProblem[] = [],
  ) {
    super(message, fields);
  }
}

export class NotFoundError extends NamedDomainError {
  readonly kind = 'not-found';
}

export class ForbiddenError extends NamedDomainError {
  readonly kind = 'forbidden';
}

export class UnprocessableError extends NamedDomainError {
  readonly kind = 'unprocessable';
}

export class ConflictError extends NamedDomainError {
  readonly kind = 'conflict';
}

/** The input exceeds a stated limit (a table's size or row count). */
export class TooLargeError extends NamedDomainError {
  readonly kind = 'too-large';
}

export class ValidationError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'validation-failed';
}

export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
  readonly code = 'temporarily-unavailable';
}
