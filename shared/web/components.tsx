/** @jsxImportSource hono/jsx */
/** Pieces several pages share: category tables, the trend chart, rate bars, risk lists. */
import type { RiskReason } from '#shared/domain/progress/task-view.ts';
import { totalOf } from '#shared/domain/rollup/province-view.ts';
import {
  TASK_CATEGORIES,
  type AtRiskTask,
  type CategoryCounts,
} from '#shared/domain/rollup/snapshot-schema.ts';
import { TASK_CATEGORY_LABELS } from '#shared/domain/rollup/vn-labels.ts';
import { formatNumber, formatPercent, formatQuarterLabel } from './format.ts';
import { link, type PageContext } from './context.ts';

/** The categories in the report's order; `cancelled` only where a task is. */
const shownCategories = (rows: readonly CategoryCounts[]) =>
  TASK_CATEGORIES.filter((c) => c !== 'cancelled' || rows.some((row) => row.cancelled > 0));

export function CategoryTable(props: {
  caption: string;
  rowHeader: string;
  rows: { label: string; href?: string; counts: CategoryCounts }[];
}) {
  const categories = shownCategories(props.rows.map((row) => row.counts));
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            {categories.map((category) => (
              <th scope="col" class="num">
                {TASK_CATEGORY_LABELS[category]}
              </th>
            ))}
            <th scope="col" class="num">
              Tổng số nhiệm vụ
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
              {categories.map((category) => (
                <td class="num">{formatNumber(row.counts[category])}</td>
              ))}
              <td class="num">{formatNumber(totalOf(row.counts))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface TrendColumn {
  quarter: string;
  counts: CategoryCounts | null;
  note: string;
}

const CHART = { width: 640, height: 260, left: 44, bottom: 40, top: 12, bar: 56 };
const COLORS = ['#1e6b34', '#6aa84f', '#0b5394', '#a4161a', '#b7b7b7', '#e69138', '#674ea7'];

/**
 * Stacked bars, one per quarter, drawn on the server as SVG (no chart script). The SVG is
 * an image with a name; the same figures follow as a table for screen readers.
 */
export function TrendChart(props: { columns: TrendColumn[] }) {
  const { columns } = props;
  const max = Math.max(1, ...columns.map((c) => (c.counts ? totalOf(c.counts) : 0)));
  const plotHeight = CHART.height - CHART.bottom - CHART.top;
  const step = (CHART.width - CHART.left) / Math.max(1, columns.length);
  const scale = (value: number) => (value / max) * plotHeight;
  const ticks = [0, Math.round(max / 2), max];
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-labelledby="bieu-do-tieu-de"
      >
        <title id="bieu-do-tieu-de">
          Số nhiệm vụ theo phân loại qua các quý (chi tiết ở bảng ngay sau biểu đồ)
        </title>
        {ticks.map((tick) => {
          const y = CHART.top + plotHeight - scale(tick);
          return (
            <g>
              <line x1={CHART.left} x2={CHART.width} y1={y} y2={y} stroke="#cfd6de" />
              <text x={CHART.left - 6} y={y + 4} text-anchor="end" font-size="12" fill="#1b1f24">
                {formatNumber(tick)}
              </text>
            </g>
          );
        })}
        {columns.map((column, index) => {
          const x = CHART.left + index * step + (step - CHART.bar) / 2;
          let y = CHART.top + plotHeight;
          return (
            <g>
              {column.counts &&
                TASK_CATEGORIES.map((category, c) => {
                  const height = scale(column.counts?.[category] ?? 0);
                  y -= height;
                  return height > 0 ? (
                    <rect x={x} y={y} width={CHART.bar} height={height} fill={COLORS[c]} />
                  ) : null;
                })}
              <text
                x={x + CHART.bar / 2}
                y={CHART.height - CHART.bottom + 16}
                text-anchor="middle"
                font-size="12"
                fill="#1b1f24"
              >
                {formatQuarterLabel(column.quarter)}
              </text>
              <text
                x={x + CHART.bar / 2}
                y={CHART.height - CHART.bottom + 32}
                text-anchor="middle"
                font-size="11"
                fill="#4a5360"
              >
                {column.note}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend" aria-hidden="true">
          {TASK_CATEGORIES.map((category, c) => (
            <li>
              <span class={`swatch c${c}`}></span>
              {TASK_CATEGORY_LABELS[category]}
            </li>
          ))}
        </ul>
      </figcaption>
      <div class="table-wrap">
        <table>
          <caption>Số nhiệm vụ theo phân loại qua các quý</caption>
          <thead>
            <tr>
              <th scope="col">Quý</th>
              {TASK_CATEGORIES.map((category) => (
                <th scope="col" class="num">
                  {TASK_CATEGORY_LABELS[category]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr>
                <th scope="row">
                  {formatQuarterLabel(column.quarter)} ({column.note})
                </th>
                {TASK_CATEGORIES.map((category) => (
                  <td class="num">{column.counts ? formatNumber(column.counts[category]) : '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A rate as a bar and its figure; the bar is a native meter with a name. */
export function RateBar(props: { value: number | null; label: string }) {
  return (
    <span>
      {props.value !== null && (
        <meter
          min={0}
          max={100}
          low={50}
          high={80}
          optimum={100}
          value={props.value}
          aria-label={props.label}
        ></meter>
      )}{' '}
      {formatPercent(props.value)}
    </span>
  );
}

export function Reasons(props: { reasons: readonly RiskReason[] }) {
  return (
    <ul class="reasons">
      {props.reasons.map((reason) => (
        <li>{reason.message}</li>
      ))}
    </ul>
  );
}

export function AtRiskTable(props: {
  ctx: PageContext;
  tasks: readonly AtRiskTask[];
  agencyName: (id: string) => string;
}) {
  if (props.tasks.length === 0) return <p>Không có nhiệm vụ nào có nguy cơ chậm.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>Nhiệm vụ có nguy cơ chậm và lý do</caption>
        <thead>
          <tr>
            <th scope="col">Nhiệm vụ</th>
            <th scope="col">Cơ quan chủ trì</th>
            <th scope="col">Lý do</th>
          </tr>
        </thead>
        <tbody>
          {props.tasks.map((task) => (
            <tr>
              <td>
                <a href={link(props.ctx, `/nhiem-vu/${encodeURIComponent(task.taskId)}`)}>
                  {task.taskId}
                </a>
                {': '}
                {task.title}
              </td>
              <td>{task.leadAgencyIds.map(props.agencyName).join('; ')}</td>
              <td>
                <Reasons reasons={task.reasons} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A form field's error, tied to its input by id (aria-describedby names it). */
export function FieldError(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <p class="error" id={props.id}>
      {props.message}
    </p>
  ) : null;
}
