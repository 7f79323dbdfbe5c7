/**
 * How many days before a deadline reminders go out: a plan may say (`reminderDaysBefore`),
 * else the province's setting does. Its own module, as every plan record carries it.
 */
import * as z from 'zod';

/** Reminders go out at most a month ahead: further out, nobody acts on them. */
export const MAX_DAYS_BEFORE = 31;

export const daysBeforeSchema = z
  .int()
  .min(1)
  .max(MAX_DAYS_BEFORE)
  .meta({ description: 'Days before a period’s submission deadline that reminders go out' });
