/** Category counts: all seven categories, always present, in TASK_CATEGORIES order. */
import { TASK_CATEGORIES, type CategoryCounts, type TaskCategory } from './snapshot-schema.ts';

export function emptyCounts(): CategoryCounts {
  return Object.fromEntries(TASK_CATEGORIES.map((category) => [category, 0])) as CategoryCounts;
}

export function countCategories(categories: readonly TaskCategory[]): CategoryCounts {
  const counts = emptyCounts();
  for (const category of categories) counts[category] += 1;
  return counts;
}
