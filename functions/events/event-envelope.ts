/** The EventBridge envelope of the events the platform's rules deliver, parsed with zod. */
import * as z from 'zod';

export function eventBridgeEvent<D extends z.ZodType>(detailType: string, detail: D) {
  return z.object({
    'detail-type': z.literal(detailType),
    source: z.string(),
    id: z.string(),
    time: z.string(),
    detail,
  });
}
