/**
 * What the submission benchmark reports on: task rows I-2 .. I-12 of plan KH266 (seeds/plans/
 * kh266-phu-luc-8.txt), all led by the Department of Agriculture and Environment. Requests
 * take turns over them, so concurrent reports rarely race for one task's latest state.
 */
export const REPORTING_AGENCY = 'so-nong-nghiep-va-moi-truong';
export const REPORTED_TASKS = Array.from({ length: 11 }, (_, i) => `KH266-I-${i + 2}`);

/** The n-th report's request: a new report every time (the key is new, the path rotates). */
export function reportRequest(prefix: string, n: number) {
  return {
    path: `/tasks/${REPORTED_TASKS[n % REPORTED_TASKS.length]}/reports`,
    idempotencyKey: `${prefix}-${n}`,
    body: JSON.stringify({ status: 'on_track', percentComplete: n % 101 }),
  };
}
