/**
 * A message in words, as the provincial office would write it: in Vietnamese, agencies
 * and plans by their names, periods and dates as the province prints them, and links to
 * the web app's pages (an agency's inbox, a task) under its public address. Plain text:
 * every mail reader shows it, and nothing in it can be taken for markup.
 */
import { requirePeriod } from '../period/period.ts';
import { periodLabel } from '../period/period-label.ts';
import { daysBetween } from '../risk/days.ts';
import { formatVnDate } from '../risk/vn-format.ts';
import type { DigestContent, MessageContent, TaskRef } from './message-content.ts';

export interface RenderedMessage {
  subject: string;
  text: string;
}

/** A section lists this many items; the rest are counted and left to the web app. */
export const MAX_LISTED = 50;
const MAX_TITLE = 300;

const SIGNATURE =
  'Thư này do Hệ thống theo dõi tiến độ thực hiện kế hoạch tỉnh Lạng Sơn gửi tự động. ' +
  'Xin không trả lời thư này; mọi thắc mắc xin liên hệ Văn phòng UBND tỉnh.';

export function renderMessage(content: MessageContent, baseUrl: string): RenderedMessage {
  const page = (path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`;
  switch (content.kind) {
    case 'reminder':
      return reminderText(content, page);
    case 'escalation':
      return escalationText(content, page);
    case 'digest':
      return digestText(content, page);
  }
}

type Page = (path: string) => string;

function reminderText(
  content: Extract<MessageContent, { kind: 'reminder' }>,
  page: Page,
): RenderedMessage {
  const period = periodLabel(requirePeriod(content.period), 'inline');
  const deadline = formatVnDate(content.deadline);
  const left = daysBetween(content.on, content.deadline);
  const when = left === 0 ? 'hôm nay là ngày cuối cùng' : `còn ${left} ngày`;
  const count = content.tasks.length;
  return {
    subject: `Nhắc gửi báo cáo ${period}: ${count} nhiệm vụ chưa báo cáo, hạn ${deadline}`,
    text: lines(
      `Kính gửi: ${content.recipient.name}`,
      '',
      `Hạn gửi báo cáo ${period} là hết ngày ${deadline} (${when}). Hệ thống chưa nhận được báo cáo của cơ quan về ${count} nhiệm vụ do cơ quan chủ trì sau đây:`,
      '',
      ...numbered(content.tasks.map(taskLine)),
      ...more(count, 'nhiệm vụ'),
      '',
      'Đề nghị cơ quan gửi báo cáo trước hạn tại trang việc cần báo cáo của cơ quan:',
      page(`/co-quan/${content.recipient.id}`),
      '',
      SIGNATURE,
    ),
  };
}

function escalationText(
  content: Extract<MessageContent, { kind: 'escalation' }>,
  page: Page,
): RenderedMessage {
  const period = periodLabel(requirePeriod(content.period), 'inline');
  const tasks = content.late.reduce((sum, late) => sum + late.tasks.length, 0);
  return {
    subject: `Báo cáo ${period} quá hạn: ${content.late.length} cơ quan chưa báo cáo ${tasks} nhiệm vụ`,
    text: lines(
      `Kính gửi: ${content.recipient.name}`,
      '',
      `Hạn gửi báo cáo ${period} đã hết ngày ${formatVnDate(content.deadline)}. Đến ngày ${formatVnDate(content.on)}, các cơ quan sau vẫn chưa gửi báo cáo về các nhiệm vụ do mình chủ trì:`,
      '',
      ...lateSections(content.late, page),
      'Đề nghị đôn đốc các cơ quan trên gửi báo cáo.',
      '',
      SIGNATURE,
    ),
  };
}

function digestText(content: DigestContent, page: Page): RenderedMessage {
  const { newRisks, newlyLate, completed } = content;
  const lateCount = newlyLate.reduce((sum, late) => sum + late.tasks.length, 0);
  const week = `${formatVnDate(content.week.start)} đến ${formatVnDate(content.week.end)}`;
  return {
    subject: `Bản tin tiến độ tuần từ ${week}: ${newRisks.length} nhiệm vụ mới có nguy cơ, ${lateCount} báo cáo mới quá hạn, ${completed.length} nhiệm vụ hoàn thành`,
    text: lines(
      `Kính gửi: ${content.recipient.name}`,
      '',
      `Những thay đổi từ ngày ${week} (so với bản tin trước):`,
      '',
      `I. NHIỆM VỤ MỚI CÓ NGUY CƠ CHẬM (${newRisks.length})`,
      ...(newRisks.length === 0
        ? ['Không có.']
        : numbered(
            newRisks.map(
              ({ task, reasons }) =>
                `${taskLine(task)}\n   Lý do: ${reasons.join('; ')}\n   ${page(`/nhiem-vu/${task.id}`)}`,
            ),
          )),
      ...more(newRisks.length, 'nhiệm vụ'),
      '',
      `II. BÁO CÁO MỚI QUÁ HẠN (${lateCount})`,
      ...(newlyLate.length === 0
        ? ['Không có.']
        : newlyLate.flatMap((late, index) => [
            `${index + 1}. ${late.agency.name}, báo cáo ${periodLabel(requirePeriod(late.period), 'inline')} (hạn ${formatVnDate(late.deadline)}):`,
            ...late.tasks.slice(0, MAX_LISTED).map((task) => `   - ${taskLine(task)}`),
            ...more(late.tasks.length, 'nhiệm vụ').map((line) => `   ${line}`),
          ])),
      '',
      `III. NHIỆM VỤ ĐÃ HOÀN THÀNH (${completed.length})`,
      ...(completed.length === 0 ? ['Không có.'] : numbered(completed.map(taskLine))),
      ...more(completed.length, 'nhiệm vụ'),
      '',
      `Xem toàn cảnh tại: ${page('/')}`,
      '',
      SIGNATURE,
    ),
  };
}

function lateSections(
  late: Extract<MessageContent, { kind: 'escalation' }>['late'],
  page: Page,
): string[] {
  return late.flatMap(({ agency, tasks }, index) => [
    `${index + 1}. ${agency.name} (${tasks.length} nhiệm vụ), ${page(`/co-quan/${agency.id}`)}`,
    ...tasks.slice(0, MAX_LISTED).map((task) => `   - ${taskLine(task)}`),
    ...more(tasks.length, 'nhiệm vụ').map((line) => `   ${line}`),
    '',
  ]);
}

/** "Kế hoạch số 266/KH-UBND, mục I, STT 2: Phát triển sản xuất nông nghiệp…" */
function taskLine(task: TaskRef): string {
  const title =
    task.title.length > MAX_TITLE ? `${task.title.slice(0, MAX_TITLE - 1).trimEnd()}…` : task.title;
  return `${task.plan}, mục ${task.section}, STT ${task.ordinal}: ${title}`;
}

function numbered(items: readonly string[]): string[] {
  return items.slice(0, MAX_LISTED).map((item, index) => `${index + 1}. ${item}`);
}

function more(count: number, noun: string): string[] {
  return count > MAX_LISTED ? [`… và ${count - MAX_LISTED} ${noun} khác.`] : [];
}

function lines(...parts: string[]): string {
  return `${parts.join('\n')}\n`;
}
