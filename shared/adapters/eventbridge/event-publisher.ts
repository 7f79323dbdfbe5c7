/**
 * Publishes domain events to the platform's bus. PutEvents can fail per entry while the
 * call succeeds (FailedEntryCount > 0): those entries are retried, and if they still fail
 * the publish throws, so the caller's request fails and its retry republishes.
 */
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { UnavailableError } from '#shared/domain/errors.ts';
import { EVENT_SOURCE } from '#shared/platform/events.ts';
import type { DomainEvent } from '#shared/events/domain-event.ts';
import type { EventPublisher } from '#shared/use-cases/progress-ports.ts';

/** PutEvents takes at most 10 entries per call. */
const BATCH_SIZE = 10;
const ATTEMPTS = 3;

/** The bus refused events: the request fails as temporarily unavailable, and its retry republishes. */
export class PublishError extends UnavailableError {}

export interface PutEventsPort {
  send(command: PutEventsCommand): Promise<{
    FailedEntryCount?: number;
    Entries?: { ErrorCode?: string; ErrorMessage?: string }[];
  }>;
}

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: PutEventsPort,
    private readonly busName: string,
  ) {}

  async publish(events: DomainEvent[]): Promise<void> {
    const entries: PutEventsRequestEntry[] = events.map((event) => ({
      EventBusName: this.busName,
      Source: EVENT_SOURCE,
      DetailType: event.detailType,
      Detail: JSON.stringify(event.detail),
    }));
    for (let start = 0; start < entries.length; start += BATCH_SIZE) {
      await this.putWithRetry(entries.slice(start, start + BATCH_SIZE));
    }
  }

  private async putWithRetry(batch: PutEventsRequestEntry[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
      const result = await this.client.send(new PutEventsCommand({ Entries: pending }));
      if (!result.FailedEntryCount) return;
      pending = pending.filter((_, i) => result.Entries?.[i]?.ErrorCode !== undefined);
      if (attempt === ATTEMPTS) {
        const reason = result.Entries?.find((e) => e.ErrorCode)?.ErrorMessage ?? 'unknown';
        throw new PublishError(
          `the event bus did not accept ${pending.length} event(s) (${reason}); retry with the same Idempotency-Key`,
        );
      }
    }
  }
}
