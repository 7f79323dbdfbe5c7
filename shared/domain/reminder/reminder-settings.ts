/**
 * The province's reminder settings, kept in the registry (admin routes): who the
 * provincial office is, how many days before a deadline the reminder goes, and how long
 * after it an escalation waits. A plan may ask for its own number of days
 * (`reminderDaysBefore`); its `reviewer`, when set, is its provincial office.
 */
import * as z from 'zod';
import { agencyIdSchema } from '../registry/agency-changes.ts';
import { daysBeforeSchema, MAX_DAYS_BEFORE } from './notice-days.ts';

export const reminderSettingsSchema = z
  .strictObject({
    provincialOffice: agencyIdSchema.nullable().meta({
      description:
        'The agency escalations go to for departments (and for communes whose task no department leads), unless the plan names a reviewer; null: no escalation',
      example: 'van-phong-ubnd',
    }),
    daysBefore: daysBeforeSchema,
    graceDays: z.int().min(0).max(MAX_DAYS_BEFORE).meta({
      description: 'Days after the deadline before the still missing reports are escalated',
    }),
  })
  .meta({ id: 'ReminderSettings' });
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/**
 * Until an admin sets them: five days' notice, three days' grace, and no provincial
 * office (the registry names no agency by convention; an admin chooses it).
 */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  provincialOffice: null,
  daysBefore: 5,
  graceDays: 3,
};

/**
 * Escalations are sent for this many days once the grace has passed, and not after: a
 * platform deployed mid-year does not escalate every old period at its first run, and
 * lateness older than that is the rollup's and the digest's to show.
 */
export const ESCALATION_DAYS = 30;
