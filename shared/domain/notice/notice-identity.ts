/**
 * Which notice this is: its code, number, title, issuing body, date and period, read from
 * the document where it says them ("Số: 150/TB-UBND", "Lạng Sơn, ngày 29 tháng 5 năm
 * 2026", the title after "THÔNG BÁO", "Phó Chủ tịch UBND tỉnh") and taken from the import
 * request where it does not (a text export often carries neither number nor date). What
 * neither gives is an issue naming the request field that would settle it.
 */
import { isValidDate, isoDate, type IsoDate } from '../calendar.ts';
import type { ImportWarning, NoticeOverrides, PlanDocument } from './notice-model.ts';
import type { NoticeOutline } from './notice-outline.ts';
import type { NoticeParagraph } from './notice-text.ts';

export type NoticeIdentity = Omit<PlanDocument, 'sections'>;

const NUMBER = /Số\s*:?\s*(\d+\s*\/\s*TB(?:\s*-\s*[\p{L}\d]+)*)/u;
const CODE_OF_NUMBER = /^(\d+)\/TB\b/u;
const DATELINE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const ISSUER_LINE = /^(?:ỦY BAN NHÂN DÂN|UBND)\s+(TỈNH|THÀNH PHỐ)\s+(\p{Lu}[\p{Lu}\s]*)$/u;
const ISSUER_IN_TITLE = /Chủ tịch (UBND (?:tỉnh|thành phố))(?![\p{L}])/u;

export function identifyNotice(
  outline: NoticeOutline,
  overrides: NoticeOverrides,
  file: string,
): { identity: NoticeIdentity | null; issues: ImportWarning[] } {
  const issues: ImportWarning[] = [];
  const missing = (code: string, field: string, message: string) =>
    issues.push({ file, line: 0, code, message, field });

  const front = outline.front.map((p) => p.text).join('\n');
  const number = overrides.number ?? NUMBER.exec(front)?.[1]?.replace(/\s+/g, '') ?? null;
  const numberCode = number === null ? undefined : CODE_OF_NUMBER.exec(number)?.[1];
  const code = overrides.code ?? (numberCode === undefined ? undefined : `TB${numberCode}`);
  if (code === undefined) {
    missing(
      'NO_NOTICE_NUMBER',
      'code',
      'Văn bản không ghi số thông báo: cần nhập số hoặc mã thông báo.',
    );
  }
  const title = overrides.title ?? outline.title?.text;
  if (title === undefined) {
    missing('NO_TITLE', 'title', 'Không tìm thấy tiêu đề sau dòng "THÔNG BÁO": cần nhập tiêu đề.');
  }
  const issuedOn = overrides.issuedOn ?? datelineOf(outline.front);
  if (issuedOn === undefined) {
    missing(
      'NO_ISSUE_DATE',
      'issuedOn',
      'Văn bản không ghi ngày ban hành: cần nhập ngày ban hành.',
    );
  }
  const issuingBody = overrides.issuingBody ?? issuerOf(outline);
  if (issuingBody === undefined) {
    missing(
      'NO_ISSUING_BODY',
      'issuingBody',
      'Không xác định được cơ quan ban hành: cần nhập cơ quan ban hành.',
    );
  }
  const period =
    overrides.period ??
    (issuedOn === undefined
      ? undefined
      : { start: issuedOn, end: `${issuedOn.slice(0, 4)}-12-31` });
  if (period && period.start > period.end) {
    missing(
      'REVERSED_PERIOD',
      'period',
      `Thời kỳ ${period.start} – ${period.end} kết thúc trước khi bắt đầu.`,
    );
  }

  if (issues.length > 0 || !code || !title || !issuedOn || !issuingBody || !period) {
    return { identity: null, issues };
  }
  return {
    identity: { code, kind: 'notice', number, title, issuingBody, issuedOn, period },
    issues,
  };
}

function datelineOf(front: NoticeParagraph[]): IsoDate | undefined {
  for (const paragraph of front) {
    const match = DATELINE.exec(paragraph.text);
    if (!match) continue;
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (isValidDate(year, month, day)) return isoDate(year, month, day);
  }
  return undefined;
}

/** "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" in the header, else "… Chủ tịch UBND tỉnh" in the title. */
function issuerOf(outline: NoticeOutline): string | undefined {
  for (const paragraph of outline.front) {
    const match = ISSUER_LINE.exec(paragraph.text);
    if (match) return `UBND ${(match[1] ?? '').toLowerCase()} ${titleCase(match[2] ?? '')}`;
  }
  return outline.title ? ISSUER_IN_TITLE.exec(outline.title.text)?.[1] : undefined;
}

function titleCase(words: string): string {
  return words
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
