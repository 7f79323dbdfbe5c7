/** @jsxImportSource hono/jsx */
/**
 * The web app's pages for everyone signed in: the overview, tasks, an agency's inbox and
 * its report form, quarters with their downloads, the API documentation, sign-in and
 * sign-out, and the static assets. Thin: each page reads through a use case and renders.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { periodCodeSchema, periodKind } from '#shared/domain/period/period.ts';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  ValidationError,
} from '#shared/domain/errors.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { randomSecret, SESSION_LIFETIME_SECONDS } from '#shared/domain/session/session.ts';
import { actorOf } from '#shared/domain/access/caller.ts';
import { roleOnTask } from '#shared/domain/access/task-role.ts';
import { liveSnapshots } from '#shared/use-cases/run-rollup.ts';
import { cachedLiveQuarter } from '#shared/use-cases/web/live-quarter-cache.ts';
import { provinceOverview, quarterSnapshot } from '#shared/use-cases/web/province-overview.ts';
import { signIn, signOut, SignInRefusedError } from '#shared/use-cases/web/sessions.ts';
import { agencyInbox, lastOwnReport, taskPage } from '#shared/use-cases/web/web-reads.ts';
import { link } from '#shared/web/context.ts';
import { renderDocument } from '#shared/web/layout.tsx';
import { ApiDocsPage } from '#shared/web/pages/api-docs.tsx';
import { InboxPage } from '#shared/web/pages/inbox.tsx';
import { OverviewPage } from '#shared/web/pages/overview.tsx';
import { QuarterPage } from '#shared/web/pages/quarter.tsx';
import { ReportFormPage, type ReportFormModel } from '#shared/web/pages/report-form.tsx';
import { SignInPage, type SignInForm } from '#shared/web/pages/sign-in.tsx';
import { TaskPageView } from '#shared/web/pages/task.tsx';
import { formatVnNumber } from '#shared/domain/plan/vn-number.ts';
import { readReportForm, actualField, type FormErrors } from '#shared/web/report-form.ts';
import { sortChoice } from '#shared/web/sort.ts';
import { scopeOf } from '../api/http/idempotency-key.ts';
import { submitCommand, type SubmitRequest } from '../api/submit-command.ts';
import { downloadResponse } from '../api/http/downloads.ts';
import { DOCUMENT_FORMATS, rollupDocument, snapshotBodyKey } from '../api/rollup-documents.ts';
import { EventBridgePublisher } from '#shared/adapters/eventbridge/event-publisher.ts';
import { createEventBridgeClient } from '#shared/adapters/aws-clients.ts';
import { eventBusEnvSchema, liveFiguresEnvSchema, readEnv } from '#shared/config/env.ts';
import {
  html,
  redirect,
  clearCookie,
  setCookie,
  SESSION_COOKIE,
  SIGN_IN_COOKIE,
} from './http/responses.ts';
import { errorPage, webHandler, type PageRequest } from './http/web-handler.tsx';
import { largeBodies } from '../large-body-wiring.ts';
import { rollupDeps } from '../wiring.ts';
import { webStores } from './wiring.ts';

const { stores, accounts, web, sessions } = webStores();
const busEnv = readEnv(eventBusEnvSchema);
const events = new EventBridgePublisher(
  createEventBridgeClient(busEnv.EVENTBRIDGE_ENDPOINT),
  busEnv.EVENT_BUS_NAME,
);
const sessionDeps = { sessions, accounts, clock: web.clock };
const rollups = rollupDeps(stores, events, web.clock);
const overviewDeps = {
  ...rollups,
  liveQuarter: cachedLiveQuarter(
    (quarter, sectors) => liveSnapshots(quarter, sectors, rollups),
    readEnv(liveFiguresEnvSchema).LIVE_FIGURES_CACHE_SECONDS,
  ),
};
const large = largeBodies();

const agencyNames = async () => {
  const names = await stores.catalog.names();
  return (id: string) => names.nameOf(id);
};

/** One asset for a year: its name changes with its content. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

const quarterPathSchema = z.object({
  quarter: periodCodeSchema.refine((code) => periodKind(code) === 'quarter', 'quý có dạng 2026-Q3'),
  sector: z.enum(SECTORS, 'lĩnh vực là agriculture, industry hoặc services'),
});

function pathOf<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: `path.${issue.path.join('.')}`,
    reason: issue.message,
  }));
  throw new ValidationError(
    `Đường dẫn không hợp lệ: ${fields.map((f) => f.reason).join('; ')}.`,
    fields,
  );
}

/** A place to go back to after signing in: a path of this app, never another site. */
const safeNext = (next: string | undefined): string =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

function signInPage(request: PageRequest, form: Partial<SignInForm>, status = 200) {
  // The sign-in form's own CSRF token (a double-submit cookie): there is no session yet.
  const token = request.cookies[SIGN_IN_COOKIE] ?? randomSecret();
  const reason = request.query['ly-do'];
  const model: SignInForm = {
    kind: accounts.kind,
    csrfToken: token,
    login: form.login ?? '',
    next: form.next ?? safeNext(request.query.tiep),
    reason:
      reason === 'het-han' || reason === 'can-dang-nhap' || reason === 'da-dang-xuat'
        ? reason
        : null,
    error: form.error ?? null,
  };
  return html(status, renderDocument(<SignInPage ctx={request.ctx} form={model} />), {
    cookies: [setCookie(SIGN_IN_COOKIE, token, request.cookieScope, 60 * 60)],
  });
}

/** The same submission the API files: one idempotency store, scoped to the agency. */
const submitOnce = submitCommand(stores, events, web.clock);

async function reportFormModel(
  request: PageRequest,
  taskId: string,
): Promise<Omit<ReportFormModel, 'values' | 'errors' | 'formError' | 'idempotencyKey'>> {
  const caller = request.caller;
  const { detail } = await taskPage(taskId, stores.reads);
  if (!caller?.agencyId || roleOnTask(detail.task, caller.actsFor) !== 'lead') {
    throw new ForbiddenError(
      'not-task-lead',
      'Chỉ cơ quan chủ trì báo cáo tiến độ nhiệm vụ này; cơ quan phối hợp gửi đóng góp.',
    );
  }
  if (detail.task.isGroup) {
    throw new ForbiddenError('group-task', 'Đây là nhóm nhiệm vụ: hãy báo cáo từng nhiệm vụ con.');
  }
  const own = [caller.agencyId, ...caller.actsFor];
  return { task: detail.task, last: await lastOwnReport(taskId, own, stores.reads) };
}

function renderForm(request: PageRequest, model: ReportFormModel, status = 200) {
  return html(status, renderDocument(<ReportFormPage ctx={request.ctx} model={model} />));
}

/** Field problems the use case names (`body.actuals.lua`) as the form's fields. */
function formErrorsOf(error: DomainError): FormErrors {
  const errors: FormErrors = {};
  for (const { field } of error.fields) {
    const [, part, key] = field.split('.');
    if (part === 'actuals' && key) errors[actualField(key)] = 'Nhiệm vụ không có chỉ tiêu này.';
    else if (part === 'percentComplete') errors.percent = 'Tỷ lệ hoàn thành không hợp lệ.';
  }
  return errors;
}

export const handler = webHandler<'webPages'>(
  {
    'GET /': {
      access: 'signed-in',
      handle: async (request) => {
        const [overview, agencyName] = await Promise.all([
          provinceOverview(overviewDeps),
          agencyNames(),
        ]);
        return html(
          200,
          renderDocument(
            <OverviewPage
              ctx={request.ctx}
              overview={overview}
              sort={sortChoice(request.query)}
              agencyName={agencyName}
            />,
          ),
        );
      },
    },

    'GET /dang-nhap': { access: 'anyone', handle: async (request) => signInPage(request, {}) },

    'POST /dang-nhap': {
      access: 'anyone',
      handle: async (request) => {
        const form = await request.form();
        const login = form.text('login');
        const next = safeNext(form.text('tiep'));
        const expected = request.cookies[SIGN_IN_COOKIE];
        if (!expected || form.text('_csrf') !== expected) {
          return signInPage(
            request,
            { login, next, error: 'Biểu mẫu đăng nhập đã cũ. Hãy nhập lại và gửi.' },
            403,
          );
        }
        try {
          const session = await signIn(login, form.text('secret'), sessionDeps);
          return redirect(link(request.ctx, next), [
            setCookie(SESSION_COOKIE, session.id, request.cookieScope, SESSION_LIFETIME_SECONDS),
            clearCookie(SIGN_IN_COOKIE, request.cookieScope),
          ]);
        } catch (error) {
          if (!(error instanceof SignInRefusedError)) throw error;
          return signInPage(request, { login, next, error: error.message }, 422);
        }
      },
    },

    'POST /dang-xuat': {
      access: 'signed-in',
      handle: async (request) => {
        if (request.session) await signOut(request.session, sessionDeps);
        return redirect(link(request.ctx, '/dang-nhap?ly-do=da-dang-xuat'), [
          clearCookie(SESSION_COOKIE, request.cookieScope),
        ]);
      },
    },

    'GET /nhiem-vu/{taskId}': {
      access: 'signed-in',
      handle: async (request) => {
        const page = await taskPage(request.params.taskId ?? '', stores.reads);
        const caller = request.caller;
        const canReport =
          caller?.role === 'agency' && roleOnTask(page.detail.task, caller.actsFor) === 'lead';
        return html(
          200,
          renderDocument(<TaskPageView ctx={request.ctx} page={page} canReport={canReport} />),
        );
      },
    },

    'GET /nhiem-vu/{taskId}/bao-cao': {
      access: ['agency'],
      handle: async (request) => {
        const base = await reportFormModel(request, request.params.taskId ?? '');
        const last = base.last;
        return renderForm(request, {
          ...base,
          values: {
            status: last?.status ?? 'on_track',
            percent: last ? formatVnNumber(last.percentComplete) : '',
            actuals: Object.fromEntries(
              Object.entries(last?.actuals ?? {}).map(([key, value]) => [
                key,
                formatVnNumber(value),
              ]),
            ),
            narrative: last?.narrative ?? '',
            obstacles: (last?.obstacles ?? []).join('\n'),
            proposals: (last?.proposals ?? []).join('\n'),
          },
          errors: {},
          formError: null,
          idempotencyKey: randomUUID(),
        });
      },
    },

    'POST /nhiem-vu/{taskId}/bao-cao': {
      access: ['agency'],
      handle: async (request) => {
        const taskId = request.params.taskId ?? '';
        const base = await reportFormModel(request, taskId);
        const form = await request.form();
        const values = {
          status: form.text('status'),
          percent: form.text('percent'),
          actuals: Object.fromEntries(
            base.task.targets.map((target) => [target.key, form.text(actualField(target.key))]),
          ),
          narrative: form.text('narrative'),
          obstacles: form.text('obstacles'),
          proposals: form.text('proposals'),
        };
        const key = form.text('idempotencyKey');
        const model = { ...base, values, errors: {}, formError: null, idempotencyKey: key };
        if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
          throw new ValidationError('Biểu mẫu thiếu mã gửi; hãy tải lại trang.', [
            { field: 'idempotencyKey', reason: 'thiếu' },
          ]);
        }
        const read = readReportForm(values, base.task.targets);
        if ('errors' in read) return renderForm(request, { ...model, errors: read.errors }, 422);

        const caller = request.caller;
        if (!caller?.agencyId) throw new ForbiddenError('agency-only', 'Chỉ cơ quan được báo cáo.');
        const submit: SubmitRequest = {
          taskId,
          submission: read.submission,
          agencyId: caller.agencyId,
          actsFor: caller.actsFor,
          actor: actorOf(caller),
        };
        try {
          await submitOnce({ scope: scopeOf(caller, key), request: submit });
        } catch (error) {
          if (error instanceof ConflictError) {
            const formError = 'Báo cáo này đang được gửi; chờ giây lát rồi xem hộp việc.';
            return renderForm(request, { ...model, formError }, 409);
          }
          if (error instanceof DomainError && error.kind === 'unprocessable') {
            const errors = formErrorsOf(error);
            const formError = Object.keys(errors).length > 0 ? null : error.message;
            return renderForm(request, { ...model, errors, formError }, 422);
          }
          throw error;
        }
        return redirect(
          link(request.ctx, `/co-quan/${caller.agencyId}?da-gui=${encodeURIComponent(taskId)}`),
        );
      },
    },

    'GET /co-quan/{agencyId}': {
      access: 'signed-in',
      handle: async (request) => {
        const agencyId = request.params.agencyId ?? '';
        const caller = request.caller;
        if (caller?.role === 'agency' && caller.agencyId !== agencyId) {
          throw new ForbiddenError('other-agency', 'Bạn chỉ xem được việc của cơ quan mình.');
        }
        const inbox = await agencyInbox(agencyId, { reads: stores.reads, clock: web.clock });
        const reported = request.query['da-gui'] ?? null;
        return html(
          200,
          renderDocument(
            <InboxPage
              ctx={request.ctx}
              inbox={inbox}
              canReport={caller?.role === 'agency'}
              reported={reported}
            />,
          ),
        );
      },
    },

    'GET /quy/{quarter}/{sector}': {
      access: 'signed-in',
      handle: async (request) => {
        const { quarter, sector } = pathOf(quarterPathSchema, request.params);
        const [found, agencyName] = await Promise.all([
          quarterSnapshot(quarter, sector, overviewDeps),
          agencyNames(),
        ]);
        return html(
          200,
          renderDocument(
            <QuarterPage
              ctx={request.ctx}
              quarter={quarter}
              sector={sector}
              snapshot={found?.snapshot ?? null}
              live={found?.live ?? false}
              agencyName={agencyName}
            />,
          ),
        );
      },
    },

    'GET /quy/{quarter}/{sector}/tai-ve': {
      access: 'signed-in',
      handle: async (request) => {
        const { quarter, sector } = pathOf(quarterPathSchema, request.params);
        const format = DOCUMENT_FORMATS.find((each) => each === request.query['dinh-dang']);
        if (!format) {
          throw new ValidationError('Định dạng tải xuống là csv, xlsx hoặc docx.', [
            { field: 'query.dinh-dang', reason: 'csv, xlsx hoặc docx' },
          ]);
        }
        const found = await quarterSnapshot(quarter, sector, overviewDeps);
        if (!found) return errorPage(request.ctx, 404, 'Quý này chưa có số liệu tổng hợp.');
        const document = await rollupDocument(
          [found.snapshot],
          format,
          `tong-hop-${quarter}-${sector}`,
          stores,
        );
        const key = snapshotBodyKey(quarter, [found.snapshot], document.fileName);
        const response = await downloadResponse(document, key, large);
        return { ...response, headers: { ...response.headers, 'cache-control': 'no-store' } };
      },
    },

    'GET /tai-lieu-api': {
      access: 'anyone',
      handle: async (request) =>
        // The viewer's web component sets styles inline: this page alone allows them.
        html(200, renderDocument(<ApiDocsPage ctx={request.ctx} />), { inlineStyles: true }),
    },

    'GET /tai-nguyen/{file}': {
      access: 'anyone',
      handle: async (request) => {
        const asset = web.assets.byHashedName(request.params.file ?? '');
        if (!asset) return errorPage(request.ctx, 404, 'Không có tệp này.');
        return {
          statusCode: 200,
          headers: {
            'content-type': asset.type,
            'cache-control': ASSET_CACHE,
            'x-content-type-options': 'nosniff',
          },
          body: asset.body.toString('utf8'),
        };
      },
    },
  },
  web,
);
