/** @jsxImportSource hono/jsx */
/**
 * An agency's inbox: its tasks overdue or due in the current quarter first, with what it
 * still owes for the quarter, each with a link to its report form.
 */
import type { InboxState } from '#shared/domain/progress/inbox.ts';
import { REPORT_STATUS_LABELS } from '#shared/domain/rollup/vn-labels.ts';
import type { Inbox } from '#shared/use-cases/web/web-reads.ts';
import { link, type PageContext } from '../context.ts';
import { formatDate, formatInstant, formatNumber, formatPercent } from '../format.ts';
import { Layout } from '../layout.tsx';

const STATE_LABELS: Record<InboxState, { text: string; tone: string }> = {
  overdue: { text: 'Quá hạn', tone: 'danger' },
  due: { text: 'Đến hạn trong quý', tone: 'warn' },
  open: { text: 'Đang thực hiện', tone: 'ok' },
  done: { text: 'Đã xong', tone: 'ok' },
};

export function InboxPage(props: {
  ctx: PageContext;
  inbox: Inbox;
  canReport: boolean;
  /** The task just reported on, to confirm it. */
  reported: string | null;
}) {
  const { ctx, inbox } = props;
  const owed = inbox.rows.filter((row) => row.owesReport).length;
  return (
    <Layout ctx={ctx} title={`Việc cần báo cáo: ${inbox.agency.name}`}>
      <h1>Việc cần báo cáo của {inbox.agency.name}</h1>
      {props.reported && (
        <p class="notice ok" role="status">
          Đã gửi báo cáo nhiệm vụ {props.reported}.
        </p>
      )}
      <p class="lead">
        Quý hiện tại: từ {formatDate(inbox.quarter.start)} đến {formatDate(inbox.quarter.end)}. Còn{' '}
        {formatNumber(owed)} nhiệm vụ chưa báo cáo trong quý.
      </p>
      {inbox.rows.length === 0 ? (
        <p>Cơ quan không chủ trì hay phối hợp nhiệm vụ nào trong các kế hoạch đang theo dõi.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>Nhiệm vụ của cơ quan, quá hạn và đến hạn trước</caption>
            <thead>
              <tr>
                <th scope="col">Nhiệm vụ</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Hạn</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">Báo cáo gần nhất</th>
                {props.canReport && <th scope="col">Báo cáo</th>}
              </tr>
            </thead>
            <tbody>
              {inbox.rows.map((row) => {
                const state = STATE_LABELS[row.state];
                const id = encodeURIComponent(row.task.id);
                return (
                  <tr>
                    <td>
                      <a href={link(ctx, `/nhiem-vu/${id}`)}>{row.task.id}</a>: {row.task.title}
                    </td>
                    <td>{row.task.role === 'lead' ? 'Chủ trì' : 'Phối hợp'}</td>
                    <td>{formatDate(row.task.schedule.due)}</td>
                    <td>
                      <span class={`badge ${state.tone}`}>{state.text}</span>
                      {row.owesReport && (
                        <>
                          {' '}
                          <span class="badge danger">Chưa báo cáo quý này</span>
                        </>
                      )}
                    </td>
                    <td>
                      {row.own
                        ? `${REPORT_STATUS_LABELS[row.own.status]}, ${formatPercent(row.own.percentComplete)} (${formatInstant(row.own.receivedAt)})`
                        : 'Chưa có'}
                    </td>
                    {props.canReport && (
                      <td>
                        <a href={link(ctx, `/nhiem-vu/${id}/bao-cao`)}>
                          Báo cáo<span class="visually-hidden"> nhiệm vụ {row.task.id}</span>
                        </a>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
