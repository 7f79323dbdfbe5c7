/** @jsxImportSource hono/jsx */
/**
 * The province overview: the government's categories per sector and per plan for the
 * current quarter, their trend over the last quarters, the tasks at risk with their
 * reasons, and every lead agency's completeness and timeliness.
 */
import { SECTOR_LABELS } from '#shared/domain/indicator/wording.ts';
import {
  countsByPlan,
  provinceAtRisk,
  provinceCounts,
  provinceReporting,
} from '#shared/domain/rollup/province-view.ts';
import { sectorHeading } from '#shared/domain/rollup/vn-labels.ts';
import type { ProvinceOverview, QuarterCounts } from '#shared/use-cases/web/province-overview.ts';
import { AtRiskTable, CategoryTable, RateBar, TrendChart } from '../components.tsx';
import { link, type PageContext } from '../context.ts';
import { formatInstant, formatNumber, formatQuarterLabel } from '../format.ts';
import { Layout } from '../layout.tsx';
import { sortReporting, type SortChoice, type SortKey } from '../sort.ts';

const SOURCE_NOTES: Record<QuarterCounts['source'], string> = {
  live: 'tạm tính',
  preliminary: 'sơ bộ',
  official: 'chính thức',
  missing: 'chưa có',
};

const SORT_LABELS: Record<SortKey, string> = {
  'co-quan': 'Cơ quan',
  'day-du': 'Tỷ lệ báo cáo đầy đủ',
  'dung-han': 'Tỷ lệ báo cáo đúng hạn',
};

function SortHeader(props: { ctx: PageContext; sort: SortChoice; column: SortKey }) {
  const active = props.sort.key === props.column;
  const next = active && props.sort.order === 'tang' ? 'giam' : 'tang';
  const ariaSort = active ? (props.sort.order === 'tang' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} class={props.column === 'co-quan' ? undefined : 'num'}>
      <a href={link(props.ctx, `/?sap-xep=${props.column}&thu-tu=${next}#bao-cao-co-quan`)}>
        {SORT_LABELS[props.column]}
        <span class="visually-hidden">
          {`, sắp xếp ${next === 'tang' ? 'tăng dần' : 'giảm dần'}`}
        </span>
      </a>
    </th>
  );
}

export function OverviewPage(props: {
  ctx: PageContext;
  overview: ProvinceOverview;
  sort: SortChoice;
  agencyName: (id: string) => string;
}) {
  const { ctx, overview } = props;
  const sectors = overview.sectors;
  const reporting = sortReporting(provinceReporting(sectors), props.sort);
  const quarterLabel = formatQuarterLabel(overview.quarter);
  return (
    <Layout ctx={ctx} title="Tổng quan">
      <h1>Tổng quan tiến độ thực hiện kế hoạch, {quarterLabel}</h1>
      <p class="lead">
        Số liệu tạm tính từ các báo cáo đã nhận đến {formatInstant(overview.computedAt)}.
      </p>

      <h2>Theo lĩnh vực</h2>
      <CategoryTable
        caption={`Phân loại nhiệm vụ theo lĩnh vực, ${quarterLabel}`}
        rowHeader="Lĩnh vực"
        rows={[
          ...sectors.map((snapshot) => ({
            label: sectorHeading(snapshot.sector),
            href: link(ctx, `/quy/${overview.quarter}/${snapshot.sector}`),
            counts: snapshot.counts,
          })),
          { label: 'Toàn tỉnh', counts: provinceCounts(sectors) },
        ]}
      />

      <h2>Theo kế hoạch</h2>
      <CategoryTable
        caption={`Phân loại nhiệm vụ theo kế hoạch, ${quarterLabel}`}
        rowHeader="Kế hoạch"
        rows={countsByPlan(sectors).map((plan) => ({ label: plan.plan, counts: plan.counts }))}
      />

      <h2>Diễn biến qua các quý</h2>
      <TrendChart
        columns={overview.trend.map((column) => ({
          quarter: column.quarter,
          counts: column.counts,
          note: SOURCE_NOTES[column.source],
        }))}
      />

      <h2>Nhiệm vụ có nguy cơ chậm</h2>
      <AtRiskTable ctx={ctx} tasks={provinceAtRisk(sectors)} agencyName={props.agencyName} />

      <h2 id="bao-cao-co-quan">Tình hình báo cáo của các cơ quan chủ trì</h2>
      <div class="table-wrap">
        <table>
          <caption>
            Báo cáo phải nộp, đã nộp và nộp đúng hạn trong {quarterLabel} (bấm tiêu đề cột để sắp
            xếp)
          </caption>
          <thead>
            <tr>
              <SortHeader ctx={ctx} sort={props.sort} column="co-quan" />
              <th scope="col" class="num">
                Phải nộp
              </th>
              <th scope="col" class="num">
                Đã nộp
              </th>
              <SortHeader ctx={ctx} sort={props.sort} column="day-du" />
              <SortHeader ctx={ctx} sort={props.sort} column="dung-han" />
            </tr>
          </thead>
          <tbody>
            {reporting.map((row) => (
              <tr>
                <th scope="row">
                  <a href={link(ctx, `/co-quan/${row.agencyId}`)}>{row.agencyName}</a>
                </th>
                <td class="num">{formatNumber(row.expected)}</td>
                <td class="num">{formatNumber(row.received)}</td>
                <td class="num">
                  <RateBar value={row.completeness} label={`Tỷ lệ đầy đủ của ${row.agencyName}`} />
                </td>
                <td class="num">
                  <RateBar value={row.timeliness} label={`Tỷ lệ đúng hạn của ${row.agencyName}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="lead">Lĩnh vực: {sectors.map((s) => SECTOR_LABELS[s.sector]).join('; ')}.</p>
    </Layout>
  );
}
