/**
 * The platform's custom EventBridge bus, with an archive of everything the platform
 * publishes: a handler fixed after a bad deploy can be fed the events it mishandled by
 * replaying the archive, which the dead-letter queues alone could not do.
 */
import { Duration } from 'aws-cdk-lib';
import { Archive, EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '#shared/platform/events.ts';

export interface PlatformEventBusProps {
  /**
   * How long archived events stay replayable.
   * @default Duration.days(90) - a quarter: a rollup can be replayed until the next closes
   */
  readonly archiveRetention?: Duration;
}

export class PlatformEventBus extends Construct {
  readonly bus: IEventBus;
  readonly archive: Archive;

  constructor(scope: Construct, id: string, props: PlatformEventBusProps = {}) {
    super(scope, id);
    const bus = new EventBus(this, 'Bus', {
      description: 'Domain events of the Lạng Sơn progress platform',
    });
    this.bus = bus;
    this.archive = new Archive(this, 'Archive', {
      sourceEventBus: bus,
      description: `Every ${EVENT_SOURCE} event, for replay`,
      eventPattern: { source: [EVENT_SOURCE] },
      retention: props.archiveRetention ?? Duration.days(90),
    });
  }
}
