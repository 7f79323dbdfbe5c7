/** @jsxImportSource hono/jsx */
/**
 * A task: its plan and section, lead and coordinating agencies, schedule, targets with how
 * far the latest actuals are along them ("đạt X% kế hoạch"), risk reasons, and every report
 * newest first.
 */
import { attainmentPhrase } from '#shared/domain/indicator/wording.ts';
import { attainment } from '#shared/domain/risk/attainment.ts';
import { latestActual } from '#shared/domain/risk/task-state.ts';
import { COMPARATOR_LABELS, REPORT_STATUS_LABELS } from '#shared/domain/rollup/vn-labels.ts';
import type { TaskPage } from '#shared/use-cases/web/web-reads.ts';
import { Reasons } from '../components.tsx';
import { link, type PageContext } from '../context.ts';
import { formatDate, formatInstant, formatNumber, formatPercent } from '../format.ts';
import { SCHEDULE_KIND_LABELS } from '../labels.ts';
import { Layout } from '../layout.tsx';

export function TaskPageView(props: { ctx: PageContext; page: TaskPage; canReport: boolean }) {
  const { ctx } = props;
  const { detail, plan, reports } = props.page;
  const { task } = detail;
  const states = detail.latestByAgency;
  return (
    <Layout ctx={ctx} title={`Nhiệm vụ ${task.id}`}>
      <h1>
        Nhiệm vụ {task.id}
        {task.retired && <span class="badge warn"> Đã bỏ khỏi kế hoạch</span>}
      </h1>
      <p class="lead">{task.title}</p>
      {props.canReport && !task.isGroup && (
        <p>
          <a class="button" href={link(ctx, `/nhiem-vu/${encodeURIComponent(task.id)}/bao-cao`)}>
            Báo cáo tiến độ nhiệm vụ này
          </a>
        </p>
      )}
      <dl class="facts">
        <dt>Kế hoạch</dt>
        <dd>{plan ? `${plan.code}: ${plan.title}` : task.plan}</dd>
        <dt>Phần</dt>
        <dd>
          {task.section.code}. {task.section.title}
        </dd>
        <dt>Cơ quan chủ trì</dt>
        <dd>{task.lead.map((agency) => agency.name).join('; ') || '—'}</dd>
        <dt>Cơ quan phối hợp</dt>
        <dd>{task.coordinating.map((agency) => agency.name).join('; ') || '—'}</dd>
        <dt>Thời gian</dt>
        <dd>
          {task.schedule.text || '—'} ({SCHEDULE_KIND_LABELS[task.schedule.kind]}
          {task.schedule.due ? `, hạn ${formatDate(task.schedule.due)}` : ''})
        </dd>
        <dt>Kết quả dự kiến</dt>
        <dd>{task.expectedResult || '—'}</dd>
        {task.note && (
          <>
            <dt>Ghi chú</dt>
            <dd>{task.note}</dd>
          </>
        )}
      </dl>

      <h2>Nguy cơ chậm</h2>
      {task.riskReasons.length > 0 ? (
        <Reasons reasons={task.riskReasons} />
      ) : (
        <p>Không có nguy cơ nào được ghi nhận.</p>
      )}

      <h2>Chỉ tiêu</h2>
      {task.targets.length === 0 ? (
        <p>Nhiệm vụ không có chỉ tiêu định lượng.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>Chỉ tiêu và kết quả báo cáo gần nhất</caption>
            <thead>
              <tr>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col" class="num">
                  Kế hoạch
                </th>
                <th scope="col" class="num">
                  Thực hiện
                </th>
                <th scope="col">So với kế hoạch</th>
              </tr>
            </thead>
            <tbody>
              {task.targets.map((target) => {
                const actual = latestActual(task, states, target.key);
                const percent = actual === null ? null : attainment(target, actual);
                return (
                  <tr>
                    <th scope="row">{target.label}</th>
                    <td class="num">
                      {COMPARATOR_LABELS[target.comparator]} {formatNumber(target.value)}{' '}
                      {target.unit}
                    </td>
                    <td class="num">
                      {actual === null ? '—' : `${formatNumber(actual)} ${target.unit}`}
                    </td>
                    <td>{percent === null ? '—' : attainmentPhrase(percent)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2>Các báo cáo, mới nhất trước</h2>
      {reports.length === 0 ? (
        <p>Chưa có báo cáo nào.</p>
      ) : (
        reports.map((report) => (
          <article class="card">
            <h3>
              {formatInstant(report.receivedAt)} · {report.agencyName}
              {report.filedBy?.person ? ` · ${report.filedBy.person}` : ''}
            </h3>
            <p>
              <strong>{REPORT_STATUS_LABELS[report.status]}</strong>, hoàn thành{' '}
              {formatPercent(report.percentComplete)} (kỳ {report.period}, số liệu đến{' '}
              {formatDate(report.asOf)})
            </p>
            {report.narrative && <p>{report.narrative}</p>}
            {report.obstacles.length > 0 && (
              <>
                <p>Vướng mắc:</p>
                <ul>
                  {report.obstacles.map((item) => (
                    <li>{item}</li>
                  ))}
                </ul>
              </>
            )}
            {report.proposals.length > 0 && (
              <>
                <p>Kiến nghị:</p>
                <ul>
                  {report.proposals.map((item) => (
                    <li>{item}</li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))
      )}
    </Layout>
  );
}
