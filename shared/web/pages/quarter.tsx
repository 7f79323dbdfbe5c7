/** @jsxImportSource hono/jsx */
/**
 * One quarter of one sector: its snapshot (the current quarter computed now, a past one as
 * stored), with its downloads as CSV, Excel and the Word report.
 */
import { SECTORS, type Sector } from '#shared/domain/plan/model.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { SNAPSHOT_STATUS_LABELS, sectorHeading } from '#shared/domain/rollup/vn-labels.ts';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import { AtRiskTable, CategoryTable, RateBar } from '../components.tsx';
import { link, type PageContext } from '../context.ts';
import {
  formatDate,
  formatInstant,
  formatNumber,
  formatPercent,
  formatQuarterLabel,
} from '../format.ts';
import { Layout } from '../layout.tsx';

const DOWNLOADS = [
  { format: 'csv', label: 'Bảng số liệu CSV', accept: 'text/csv' },
  { format: 'xlsx', label: 'Bảng tính Excel', accept: XLSX_MEDIA_TYPE },
  { format: 'docx', label: 'Báo cáo Word', accept: DOCX_MEDIA_TYPE },
] as const;

export function QuarterPage(props: {
  ctx: PageContext;
  quarter: string;
  sector: Sector;
  snapshot: SectorSnapshot | null;
  live: boolean;
  agencyName: (id: string) => string;
}) {
  const { ctx, quarter, sector, snapshot } = props;
  const title = `${sectorHeading(sector)}, ${formatQuarterLabel(quarter)}`;
  const base = `/quy/${quarter}/${sector}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <nav aria-label="Lĩnh vực">
        <ul class="downloads">
          {SECTORS.map((each) => (
            <li>
              <a
                href={link(ctx, `/quy/${quarter}/${each}`)}
                aria-current={each === sector ? 'page' : undefined}
              >
                {sectorHeading(each)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {!snapshot ? (
        <p class="notice">
          Chưa có số liệu tổng hợp của quý này. Quản trị viên chạy tổng hợp quý để lập số liệu.
        </p>
      ) : (
        <>
          <p class="lead">
            {props.live
              ? `Tạm tính đến ${formatInstant(snapshot.computedAt)}`
              : `${SNAPSHOT_STATUS_LABELS[snapshot.status]}, tổng hợp lúc ${formatInstant(snapshot.computedAt)}`}
            ; số liệu từ {formatDate(snapshot.window.start)} đến {formatDate(snapshot.window.end)};{' '}
            {formatNumber(snapshot.basis.tasks)} nhiệm vụ, {formatNumber(snapshot.basis.reports)}{' '}
            báo cáo; tỷ lệ hoàn thành trung bình {formatPercent(snapshot.averagePercentComplete)}.
          </p>
          <h2>Tải xuống</h2>
          <ul class="downloads">
            {DOWNLOADS.map((download) => (
              <li>
                <a
                  class="button"
                  href={link(ctx, `${base}/tai-ve?dinh-dang=${download.format}`)}
                  download={`${quarter}-${sector}.${download.format}`}
                  data-accept={download.accept}
                  hx-boost="false"
                >
                  {download.label}
                </a>
              </li>
            ))}
          </ul>
          <p id="trang-thai-tai-ve" role="status"></p>
          <h2>Phân loại nhiệm vụ theo phần của kế hoạch</h2>
          <CategoryTable
            caption={`Phân loại nhiệm vụ, ${title}`}
            rowHeader="Kế hoạch, phần"
            rows={[
              ...snapshot.bySection.map((section) => ({
                label: `${section.plan} ${section.section}. ${section.title}`,
                counts: section.counts,
              })),
              { label: 'Cả lĩnh vực', counts: snapshot.counts },
            ]}
          />
          <h2>Nhiệm vụ có nguy cơ chậm</h2>
          <AtRiskTable ctx={ctx} tasks={snapshot.atRisk} agencyName={props.agencyName} />
          <h2>Tình hình báo cáo</h2>
          <div class="table-wrap">
            <table>
              <caption>Báo cáo của các cơ quan chủ trì</caption>
              <thead>
                <tr>
                  <th scope="col">Cơ quan</th>
                  <th scope="col" class="num">
                    Phải nộp
                  </th>
                  <th scope="col" class="num">
                    Đã nộp
                  </th>
                  <th scope="col" class="num">
                    Đầy đủ
                  </th>
                  <th scope="col" class="num">
                    Đúng hạn
                  </th>
                </tr>
              </thead>
              <tbody>
                {snapshot.reporting.map((row) => (
                  <tr>
                    <th scope="row">{row.agencyName}</th>
                    <td class="num">{formatNumber(row.expected)}</td>
                    <td class="num">{formatNumber(row.received)}</td>
                    <td class="num">
                      <RateBar
                        value={row.completeness}
                        label={`Tỷ lệ đầy đủ của ${row.agencyName}`}
                      />
                    </td>
                    <td class="num">
                      <RateBar
                        value={row.timeliness}
                        label={`Tỷ lệ đúng hạn của ${row.agencyName}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
