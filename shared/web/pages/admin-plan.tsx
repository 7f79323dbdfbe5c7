/** @jsxImportSource hono/jsx */
/**
 * Uploading a plan: the document (Word or the tab-separated export), its preview (the
 * import's dry run: plan, sections and sectors, tasks, what changes), and an answer for
 * each name the registry cannot resolve, before the import itself. The previewed document
 * travels in the form, so the answers and the import need no second upload.
 */
import { AGENCY_KINDS, type UnresolvedName } from '#shared/domain/plan/model.ts';
import { sectorHeading } from '#shared/domain/rollup/vn-labels.ts';
import type { ImportPreview, ImportResult } from '#shared/use-cases/registry/import-document.ts';
import { CSRF_FIELD, link, type PageContext } from '../context.ts';
import { formatDate, formatNumber } from '../format.ts';
import { Layout } from '../layout.tsx';

export const AGENCY_KIND_LABELS: Record<(typeof AGENCY_KINDS)[number], string> = {
  department: 'Sở, ngành tỉnh',
  board: 'Ban quản lý',
  commune: 'UBND xã, phường',
  collective: 'Nhóm cơ quan',
  enterprise: 'Doanh nghiệp',
  central: 'Cơ quan trung ương',
  other: 'Khác',
};

export interface PlanUploadModel {
  /** After a preview: the document, to send again with the answers. */
  document: { file: string; base64: string; kind: 'plan' | 'notice' } | null;
  preview: ImportPreview | null;
  result: ImportResult | null;
  /** The answer chosen for each unresolved name so far (`alias:<id>`, `new:<kind>`). */
  answers: Record<string, string>;
  errors: { field: string; message: string }[];
  idempotencyKey: string;
}

export const answerField = (index: number) => `tra-loi-${index}`;
export const answerNameField = (index: number) => `ten-${index}`;
/** Questions a form may carry: far more names than any plan leaves unresolved. */
export const MAX_ANSWERS = 500;

function UnresolvedQuestion(props: { item: UnresolvedName; index: number; answer: string }) {
  const { item, index } = props;
  const field = answerField(index);
  return (
    <div class="field">
      <input type="hidden" name={answerNameField(index)} value={item.name} />
      <label for={field}>
        “{item.name}” (dòng {item.cells.map((cell) => cell.line).join(', ')})
      </label>
      <select id={field} name={field} required>
        <option value="">Chọn câu trả lời</option>
        {item.suggestions.map((suggestion) => (
          <option
            value={`alias:${suggestion.id}`}
            selected={props.answer === `alias:${suggestion.id}`}
          >
            Là cách viết khác của {suggestion.name}
          </option>
        ))}
        {AGENCY_KINDS.map((kind) => (
          <option value={`new:${kind}`} selected={props.answer === `new:${kind}`}>
            Cơ quan mới: {AGENCY_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PlanUploadPage(props: { ctx: PageContext; model: PlanUploadModel }) {
  const { ctx, model } = props;
  const { preview, result, document } = model;
  const action = link(ctx, '/quan-tri/ke-hoach');
  // Answers already taken into the preview travel on as they are; the rest are asked.
  const asked = new Set((preview?.unresolved ?? []).map((item) => item.name));
  const answered = Object.entries(model.answers).filter(([name]) => !asked.has(name));
  return (
    <Layout ctx={ctx} title="Nhập kế hoạch">
      <h1>Nhập kế hoạch hoặc thông báo kết luận</h1>
      {model.errors.length > 0 && (
        <div class="notice error" role="alert">
          <p>Chưa nhập được tài liệu:</p>
          <ul>
            {model.errors.map((error) => (
              <li>{error.message}</li>
            ))}
          </ul>
        </div>
      )}
      {result && (
        <div class="notice ok" role="status">
          Đã nhập {result.plan.code} (phiên bản {formatNumber(result.version)}):{' '}
          {formatNumber(result.tasks.created.length)} nhiệm vụ mới,{' '}
          {formatNumber(result.tasks.updated.length)} sửa đổi,{' '}
          {formatNumber(result.tasks.retired.length)} bỏ khỏi kế hoạch.
        </div>
      )}
      {!document && (
        <form
          class="stack"
          method="post"
          action={action}
          enctype="multipart/form-data"
          hx-encoding="multipart/form-data"
        >
          <input type="hidden" name={CSRF_FIELD} value={ctx.viewer?.csrfToken ?? ''} />
          <input type="hidden" name="thao-tac" value="xem-truoc" />
          <div class="field">
            <label for="tep">Tài liệu (Word .docx, hoặc bảng xuất dạng văn bản .txt)</label>
            <input id="tep" name="tep" type="file" accept=".docx,.txt" required />
          </div>
          <div class="field">
            <label for="loai">Loại tài liệu</label>
            <select id="loai" name="loai">
              <option value="plan">Phụ lục kế hoạch (bảng nhiệm vụ)</option>
              <option value="notice">Thông báo kết luận</option>
            </select>
          </div>
          <div>
            <button type="submit">Xem trước</button>
          </div>
        </form>
      )}
      {preview && document && (
        <>
          <h2>Xem trước: {preview.plan.code}</h2>
          <dl class="facts">
            <dt>Tài liệu</dt>
            <dd>{document.file}</dd>
            <dt>Số, ngày</dt>
            <dd>
              {preview.plan.number ?? '—'}, {formatDate(preview.plan.issuedOn)}
            </dd>
            <dt>Trích yếu</dt>
            <dd>{preview.plan.title}</dd>
            <dt>Thời gian</dt>
            <dd>
              {formatDate(preview.plan.period.start)} đến {formatDate(preview.plan.period.end)}
            </dd>
            <dt>Nhiệm vụ</dt>
            <dd>
              {formatNumber(preview.tasks.length)} ({formatNumber(preview.changes.created.length)}{' '}
              mới, {formatNumber(preview.changes.updated.length)} sửa đổi,{' '}
              {formatNumber(preview.changes.retired.length)} bỏ khỏi kế hoạch)
            </dd>
          </dl>
          <div class="table-wrap">
            <table>
              <caption>Các phần và lĩnh vực</caption>
              <thead>
                <tr>
                  <th scope="col">Phần</th>
                  <th scope="col">Tên phần</th>
                  <th scope="col">Lĩnh vực</th>
                  <th scope="col" class="num">
                    Nhiệm vụ
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.plan.sections.map((section) => (
                  <tr>
                    <th scope="row">{section.code}</th>
                    <td>{section.title}</td>
                    <td>{sectorHeading(section.sector)}</td>
                    <td class="num">
                      {formatNumber(
                        preview.tasks.filter((task) => task.section.code === section.code).length,
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form class="stack" method="post" action={action}>
            <input type="hidden" name={CSRF_FIELD} value={ctx.viewer?.csrfToken ?? ''} />
            <input type="hidden" name="tep-ten" value={document.file} />
            <input type="hidden" name="tep-noi-dung" value={document.base64} />
            <input type="hidden" name="loai" value={document.kind} />
            <input type="hidden" name="idempotencyKey" value={model.idempotencyKey} />
            {answered.map(([name, answer], index) => (
              <>
                <input type="hidden" name={answerNameField(index)} value={name} />
                <input type="hidden" name={answerField(index)} value={answer} />
              </>
            ))}
            {preview.unresolved.length > 0 && (
              <fieldset>
                <legend>
                  Tên cơ quan chưa có trong danh mục ({formatNumber(preview.unresolved.length)}):
                  hãy cho biết mỗi tên là gì
                </legend>
                {preview.unresolved.map((item, index) => (
                  <UnresolvedQuestion
                    item={item}
                    index={answered.length + index}
                    answer={model.answers[item.name] ?? ''}
                  />
                ))}
              </fieldset>
            )}
            <div>
              <button type="submit" name="thao-tac" value="xem-truoc" class="secondary">
                Xem trước lại
              </button>{' '}
              <button type="submit" name="thao-tac" value="nhap">
                Nhập kế hoạch
              </button>
            </div>
          </form>
        </>
      )}
      {(document || result) && (
        <p>
          <a href={action}>Nhập tài liệu khác</a>
        </p>
      )}
    </Layout>
  );
}
