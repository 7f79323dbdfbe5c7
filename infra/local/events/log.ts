/**
 * How the local bus and scheduler report what happens to deliveries and runs. The shape is a
 * subset of Powertools' Logger, so the runtime can pass its own logger straight in.
 */
export interface EventsLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const consoleLogger: EventsLogger = {
  info: (message, details) => console.info(message, details ?? {}),
  warn: (message, details) => console.warn(message, details ?? {}),
  error: (message, details) => console.error(message, details ?? {}),
};

/** A thrown value as plain JSON: handlers may throw anything, and records must serialise. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'NonError', message: String(error) };
}
