/** The reminder jobs: what a schedule or an admin's "run now" asks for. */
import * as z from 'zod';

export const REMINDER_JOBS = ['daily', 'digest'] as const;

export const reminderJobSchema = z.enum(REMINDER_JOBS).meta({
  description:
    '`daily`: reminders before report deadlines and escalations after them; `digest`: the weekly digest for leaders',
});
export type ReminderJob = z.infer<typeof reminderJobSchema>;
