/**
 * Turns one PutEvents entry into the event EventBridge would deliver, or into the per-entry
 * error AWS would report for it (AWS fails the entry, not the whole call).
 */
import { randomUUID } from 'node:crypto';
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { EventBridgeEvent } from 'aws-lambda';

/** An event as delivered to a rule's target. */
export type BusEvent = EventBridgeEvent<string, unknown>;

export interface EntryError {
  ErrorCode: string;
  ErrorMessage: string;
}

export function eventFromEntry(
  entry: PutEventsRequestEntry,
  now: Date,
): { event: BusEvent } | { error: EntryError } {
  if (!entry.Source) return { error: missing('Source') };
  if (!entry.DetailType) return { error: missing('DetailType') };
  if (entry.Detail === undefined) return { error: missing('Detail') };
  const time = entry.Time ?? now;
  if (Number.isNaN(time.getTime())) return { error: invalid('Time', 'Time is not a valid date.') };
  const detail = parseDetail(entry.Detail);
  if (detail === undefined) {
    return { error: { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' } };
  }
  return {
    event: {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: '000000000000',
      // EventBridge stamps whole seconds.
      time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: 'local',
      resources: [...(entry.Resources ?? [])],
      detail,
    },
  };
}

/** EventBridge requires Detail to be a JSON object. */
function parseDetail(text: string): Record<string, unknown> | undefined {
  try {
    const detail: unknown = JSON.parse(text);
    return typeof detail === 'object' && detail !== null && !Array.isArray(detail)
      ? (detail as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function missing(parameter: string): EntryError {
  return invalid(parameter, `${parameter} is a required argument.`);
}

function invalid(parameter: string, reason: string): EntryError {
  return {
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${parameter} is not valid. Reason: ${reason}`,
  };
}
