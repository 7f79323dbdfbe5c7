/**
 * A coordinating agency's contribution to a task (phối hợp): its part of the work, its
 * own figures, its obstacles and proposals. The lead reads it on the task and in its
 * inbox; it never changes the task's state or the rollup's categories. Like reports,
 * contributions are facts: stored once, never edited.
 */
import * as z from 'zod';
import { reportSubmissionSchema } from './report.ts';

const submission = reportSubmissionSchema.shape;

export const contributionSubmissionSchema = z
  .strictObject({
    period: submission.period,
    /** Its own part done, when it can say; never the task's. */
    percentComplete: submission.percentComplete.optional(),
    actuals: submission.actuals.meta({
      description: "The agency's own figures, keyed by the task's target keys",
    }),
    narrative: submission.narrative.meta({ description: 'Its part of the work' }),
    obstacles: submission.obstacles,
    proposals: submission.proposals,
  })
  .meta({ id: 'ContributionSubmission' });
export type ContributionSubmission = z.infer<typeof contributionSubmissionSchema>;

export const contributionSchema = z
  .object({
    id: z.string(),
    taskId: z.string(),
    agencyId: z.string(),
    plan: z.string(),
    period: z.string(),
    percentComplete: z.number().nullable(),
    actuals: z.record(z.string(), z.number()),
    narrative: z.string(),
    obstacles: z.array(z.string()),
    proposals: z.array(z.string()),
    receivedAt: z.iso.datetime(),
    filedBy: z.object({ tokenId: z.string(), person: z.string().nullable() }),
  })
  .meta({ id: 'Contribution' });
export type Contribution = z.infer<typeof contributionSchema>;
