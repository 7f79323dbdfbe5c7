/** @jsxImportSource hono/jsx */
/**
 * The outbox for administrators: every message the reminders composed, newest first, with
 * its recipient, addresses and state (a delivery that failed says why), and its words: as
 * sent, or, before it is sent, as it will read (links relative to this site).
 */
import { parsePeriod } from '#shared/domain/period/period.ts';
import { periodLabel } from '#shared/domain/period/period-label.ts';
import { renderMessage } from '#shared/domain/reminder/message-text.ts';
import type { MessageState, OutboxMessage } from '#shared/domain/reminder/outbox-message.ts';
import type { NoticeKind } from '#shared/domain/reminder/notices.ts';
import { link, type PageContext } from '../context.ts';
import { formatInstant, formatNumber } from '../format.ts';
import { Layout } from '../layout.tsx';

export interface OutboxModel {
  messages: OutboxMessage[];
  /** Where the next page starts, when there is one. */
  next: string | null;
}

const KIND_LABELS: Record<NoticeKind, string> = {
  reminder: 'Nhắc báo cáo',
  escalation: 'Báo cáo quá hạn (cấp trên)',
  digest: 'Bản tin tuần',
};

const STATE_LABELS: Record<MessageState, { text: string; tone: string }> = {
  draft: { text: 'Đang soạn', tone: 'warn' },
  ready: { text: 'Chờ đưa vào hàng gửi', tone: 'warn' },
  queued: { text: 'Đang gửi', tone: 'warn' },
  sent: { text: 'Đã gửi', tone: 'ok' },
};

/** `2026-Q4` → "Quý IV/2026"; a digest's week (`2026-W49`) → "Tuần 49/2026". */
function periodText(period: string): string {
  const parsed = parsePeriod(period);
  if (parsed) return periodLabel(parsed);
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  return week ? `Tuần ${Number(week[2])}/${week[1]}` : period;
}

function words(ctx: PageContext, message: OutboxMessage) {
  return message.sent ?? renderMessage(message.content, link(ctx, ''));
}

export function OutboxPage(props: { ctx: PageContext; model: OutboxModel }) {
  const { ctx, model } = props;
  return (
    <Layout ctx={ctx} title="Thư gửi đi">
      <h1>Thư gửi đi</h1>
      <p class="lead">
        Thư nhắc báo cáo trước hạn, thư báo cáo quá hạn gửi cấp trên và bản tin tuần cho lãnh đạo,
        mới nhất trước. Mỗi nhiệm vụ chỉ được nhắc một lần cho mỗi kỳ và mỗi loại thư.
      </p>
      {model.messages.length === 0 ? (
        <p>Chưa có thư nào.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>Thư gửi đi, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Lập lúc</th>
                <th scope="col">Loại thư</th>
                <th scope="col">Kỳ</th>
                <th scope="col">Gửi đến</th>
                <th scope="col">Số nhiệm vụ</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Nội dung</th>
              </tr>
            </thead>
            <tbody>
              {model.messages.map((message) => {
                const state = STATE_LABELS[message.state];
                const { subject, text } = words(ctx, message);
                return (
                  <tr>
                    <td>{formatInstant(message.createdAt)}</td>
                    <td>{KIND_LABELS[message.kind]}</td>
                    <td>{periodText(message.period)}</td>
                    <th scope="row">
                      {message.content.recipient.name}
                      <br />
                      <small>{message.to.join(', ')}</small>
                    </th>
                    <td class="num">
                      {formatNumber(message.kind === 'digest' ? 0 : message.claims.length)}
                    </td>
                    <td>
                      <span class={`badge ${state.tone}`}>{state.text}</span>
                      {message.sentAt && <div>{formatInstant(message.sentAt)}</div>}
                      {message.failures > 0 && message.state !== 'sent' && (
                        <div class="failure">
                          Gửi lỗi {formatNumber(message.failures)} lần: {message.lastError}
                        </div>
                      )}
                    </td>
                    <td>
                      <details>
                        <summary>{subject}</summary>
                        <pre class="mail">{text}</pre>
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {model.next && (
        <p>
          <a href={link(ctx, `/quan-tri/thu-gui?sau=${encodeURIComponent(model.next)}`)}>
            Thư cũ hơn
          </a>
        </p>
      )}
    </Layout>
  );
}
