/** A task at risk as GET /risks lists it: the sparse flag item kept while it is at risk. */
import * as z from 'zod';
import { riskReasonSchema } from '../progress/task-view.ts';

export const riskFlagSchema = z
  .object({
    taskId: z.string(),
    plan: z.string(),
    sector: z.string(),
    section: z.string(),
    title: z.string(),
    agencyIds: z.array(z.string()),
    reasonCodes: z.array(z.string()),
    reasons: z.array(riskReasonSchema),
    evaluatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RiskFlag' });
export type RiskFlag = z.infer<typeof riskFlagSchema>;
