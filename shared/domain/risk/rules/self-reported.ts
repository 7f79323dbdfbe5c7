/**
 * SELF_REPORTED: an agency says, in its latest report, that the task is at risk or
 * delayed, or lists obstacles (vướng mắc).
 *
 * On a completed task only holders that have not reported it completed are heard: any
 * holder's "completed" closes the task, so a lead still saying "delayed" contradicts
 * that and deserves a look, while obstacles recounted in a completion report do not.
 */
import { compareText } from '../order.ts';
import type { SelfReportedItem } from '../risk-finding.ts';
import { finding, type RiskRule } from './rule-context.ts';

export const selfReportedRule: RiskRule = ({ task, latest, config, completed, agencyNames }) => {
  const names = new Map([...task.coordinating, ...task.lead].map((ref) => [ref.id, ref.name]));
  const items: SelfReportedItem[] = latest
    .filter((report) => !(completed && report.status === 'completed'))
    .filter((report) => config.selfReportedStatuses.includes(report.status) || report.hasObstacles)
    .sort((a, b) => compareText(a.agencyId, b.agencyId) || compareText(a.reportId, b.reportId))
    .map((report) => ({
      agencyId: report.agencyId,
      agencyName: names.get(report.agencyId) ?? agencyNames[report.agencyId] ?? report.agencyId,
      status: report.status,
      hasObstacles: report.hasObstacles,
    }));
  return items.length === 0 ? null : finding('SELF_REPORTED', { items });
};
