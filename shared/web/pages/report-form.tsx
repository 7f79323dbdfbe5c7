/** @jsxImportSource hono/jsx */
/**
 * The report form: status, percent complete, an actual for each target, narrative,
 * obstacles and proposals, prefilled from the agency's last report (shown above it).
 * Each rendering carries its own idempotency key: a double click, or a resend of the
 * same form, files one report. Errors sit beside their fields, in Vietnamese.
 */
import type { TaskView, ReportView } from '#shared/domain/progress/task-view.ts';
import { REPORT_STATUSES } from '#shared/domain/progress/report.ts';
import { COMPARATOR_LABELS, REPORT_STATUS_LABELS } from '#shared/domain/rollup/vn-labels.ts';
import { FieldError } from '../components.tsx';
import { CSRF_FIELD, link, type PageContext } from '../context.ts';
import { formatInstant, formatNumber, formatPercent } from '../format.ts';
import { Layout } from '../layout.tsx';
import { actualField, type FormErrors, type ReportFormValues } from '../report-form.ts';

export interface ReportFormModel {
  task: TaskView;
  last: ReportView | null;
  values: ReportFormValues;
  errors: FormErrors;
  /** A problem with the whole report (not one field), such as a duplicate in flight. */
  formError: string | null;
  idempotencyKey: string;
}

function fieldProps(errors: FormErrors, name: string, hint?: string) {
  const described = [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(' ');
  return {
    id: name,
    name,
    'aria-invalid': errors[name] ? 'true' : undefined,
    'aria-describedby': described || undefined,
  };
}

export function ReportFormPage(props: { ctx: PageContext; model: ReportFormModel }) {
  const { ctx, model } = props;
  const { task, last, values, errors } = model;
  const action = link(ctx, `/nhiem-vu/${encodeURIComponent(task.id)}/bao-cao`);
  const errorCount = Object.keys(errors).length;
  return (
    <Layout ctx={ctx} title={`Báo cáo nhiệm vụ ${task.id}`}>
      <h1>Báo cáo tiến độ nhiệm vụ {task.id}</h1>
      <p class="lead">{task.title}</p>
      {(errorCount > 0 || model.formError) && (
        <div class="notice error" role="alert" id="loi-bieu-mau">
          {model.formError ??
            `Báo cáo chưa được gửi: có ${formatNumber(errorCount)} chỗ cần sửa, ghi ngay dưới từng ô.`}
        </div>
      )}
      <section aria-labelledby="bao-cao-truoc">
        <h2 id="bao-cao-truoc">Báo cáo gần nhất của cơ quan</h2>
        {last ? (
          <p>
            {formatInstant(last.receivedAt)}
            {last.filedBy?.person ? `, ${last.filedBy.person}` : ''}:{' '}
            {REPORT_STATUS_LABELS[last.status]}, hoàn thành {formatPercent(last.percentComplete)}.
            Biểu mẫu dưới đây đã điền sẵn theo báo cáo này.
          </p>
        ) : (
          <p>Cơ quan chưa báo cáo nhiệm vụ này.</p>
        )}
      </section>
      <form
        class="stack"
        method="post"
        action={action}
        hx-disabled-elt="find button[type=submit]"
        novalidate
      >
        <input type="hidden" name={CSRF_FIELD} value={ctx.viewer?.csrfToken ?? ''} />
        <input type="hidden" name="idempotencyKey" value={model.idempotencyKey} />
        <div class="field">
          <label for="status">Tình trạng thực hiện</label>
          <select {...fieldProps(errors, 'status')} required>
            {REPORT_STATUSES.map((status) => (
              <option value={status} selected={values.status === status}>
                {REPORT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <FieldError id="status-error" message={errors.status} />
        </div>
        <div class="field">
          <label for="percent">Tỷ lệ hoàn thành (%)</label>
          <p class="hint" id="percent-hint">
            Từ 0 đến 100; số thập phân viết với dấu phẩy, ví dụ 62,5.
          </p>
          <input
            {...fieldProps(errors, 'percent', 'percent-hint')}
            inputmode="decimal"
            autocomplete="off"
            required
            value={values.percent}
          />
          <FieldError id="percent-error" message={errors.percent} />
        </div>
        {task.targets.length > 0 && (
          <fieldset>
            <legend>Kết quả thực hiện các chỉ tiêu</legend>
            {task.targets.map((target) => {
              const name = actualField(target.key);
              const hint = `${name}-hint`;
              return (
                <div class="field">
                  <label for={name}>
                    {target.label} ({target.unit})
                  </label>
                  <p class="hint" id={hint}>
                    Kế hoạch: {COMPARATOR_LABELS[target.comparator].toLowerCase()}{' '}
                    {formatNumber(target.value)} {target.unit}. Để trống nếu chưa có số liệu.
                  </p>
                  <input
                    {...fieldProps(errors, name, hint)}
                    inputmode="decimal"
                    autocomplete="off"
                    value={values.actuals[target.key] ?? ''}
                  />
                  <FieldError id={`${name}-error`} message={errors[name]} />
                </div>
              );
            })}
          </fieldset>
        )}
        <div class="field">
          <label for="narrative">Tình hình thực hiện</label>
          <textarea {...fieldProps(errors, 'narrative')}>{values.narrative}</textarea>
          <FieldError id="narrative-error" message={errors.narrative} />
        </div>
        <div class="field">
          <label for="obstacles">Khó khăn, vướng mắc</label>
          <p class="hint" id="obstacles-hint">
            Mỗi vướng mắc một dòng.
          </p>
          <textarea {...fieldProps(errors, 'obstacles', 'obstacles-hint')}>
            {values.obstacles}
          </textarea>
          <FieldError id="obstacles-error" message={errors.obstacles} />
        </div>
        <div class="field">
          <label for="proposals">Kiến nghị, đề xuất</label>
          <p class="hint" id="proposals-hint">
            Mỗi kiến nghị một dòng.
          </p>
          <textarea {...fieldProps(errors, 'proposals', 'proposals-hint')}>
            {values.proposals}
          </textarea>
          <FieldError id="proposals-error" message={errors.proposals} />
        </div>
        <div>
          <button type="submit">Gửi báo cáo</button>
        </div>
      </form>
    </Layout>
  );
}
