/** @jsxImportSource hono/jsx */
/**
 * The web app's administrator pages: a plan's upload with its preview and the answers to
 * its unresolved names, and the people and tokens. A function of its own, so that only it
 * holds the right to manage the user pool's people.
 */
import { randomUUID } from 'node:crypto';
import { outboxStores } from '#shared/adapters/dynamodb/outbox-stores.ts';
import { actorOf, ROLES, type Role } from '#shared/domain/access/caller.ts';
import { DomainError, ValidationError } from '#shared/domain/errors.ts';
import { AGENCY_KINDS } from '#shared/domain/plan/model.ts';
import { issueToken } from '#shared/use-cases/access.ts';
import { documentText } from '#shared/use-cases/registry/document-source.ts';
import {
  importDocument,
  previewImport,
  type ImportRequest,
  type NameResolution,
} from '#shared/use-cases/registry/import-document.ts';
import { renderDocument } from '#shared/web/layout.tsx';
import { AccessPage, type AccessModel } from '#shared/web/pages/admin-access.tsx';
import { OutboxPage } from '#shared/web/pages/admin-outbox.tsx';
import {
  answerField,
  answerNameField,
  MAX_ANSWERS,
  PlanUploadPage,
  type PlanUploadModel,
} from '#shared/web/pages/admin-plan.tsx';
import { idempotentCommand } from '../api/http/idempotency.ts';
import { scopeOf, stableId } from '../api/http/idempotency-key.ts';
import { importDeps } from '../api/import-deps.ts';
import type { PostedForm } from './http/forms.ts';
import { html, redirect } from './http/responses.ts';
import { webHandler, type PageRequest } from './http/web-handler.tsx';
import { link } from '#shared/web/context.ts';
import { webStores } from './wiring.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';

const { tableName, db, stores, people, web } = webStores();
const { outbox } = outboxStores(db, tableName);

const ADMIN = ['admin'] as const;
/** Messages per page of the outbox. */
const OUTBOX_PAGE = 50;

const emptyUpload = (): PlanUploadModel => ({
  document: null,
  preview: null,
  result: null,
  answers: {},
  errors: [],
  idempotencyKey: randomUUID(),
});

const uploadPage = (request: PageRequest, model: PlanUploadModel, status = 200) =>
  html(status, renderDocument(<PlanUploadPage ctx={request.ctx} model={model} />));

/** The officer's answers: `alias:<agency id>` or `new:<kind>` for each name. */
function answersOf(form: PostedForm): Record<string, string> {
  const answers: Record<string, string> = {};
  for (let index = 0; index < MAX_ANSWERS; index++) {
    const name = form.text(answerNameField(index));
    if (name === '') break;
    const answer = form.text(answerField(index));
    if (answer !== '') answers[name] = answer;
  }
  return answers;
}

function resolutionsOf(answers: Record<string, string>): NameResolution[] {
  return Object.entries(answers).flatMap(([name, answer]): NameResolution[] => {
    const [how, value] = answer.split(':', 2);
    if (how === 'alias' && value) return [{ name, aliasOf: value }];
    const kind = AGENCY_KINDS.find((each) => each === value);
    if (how === 'new' && kind) return [{ name, newAgency: { kind } }];
    return [];
  });
}

/** What the use case refuses, as lines a person reads: each issue, or the message. */
function problemsOf(error: DomainError): { field: string; message: string }[] {
  const unresolved = error.extensions.unresolved;
  if (Array.isArray(unresolved) && unresolved.length > 0) {
    return [{ field: 'tra-loi', message: `${error.message} Hãy trả lời từng tên bên dưới.` }];
  }
  if (error.fields.length === 0) return [{ field: 'body', message: error.message }];
  return error.fields.map((field) => ({ field: field.field, message: field.reason }));
}

const importOnce = idempotentCommand(
  'importPlan',
  tableName,
  async ({ scope, request }: { scope: string; request: { plan: ImportRequest; actor: Actor } }) =>
    importDocument(request.plan, importDeps(stores, request.actor, stableId('aud', scope))),
);

async function accessPage(
  request: PageRequest,
  shown: Pick<AccessModel, 'issued' | 'message' | 'error'>,
  status = 200,
) {
  const [everyone, tokens, agencies] = await Promise.all([
    people.list(),
    stores.tokens.list(),
    stores.agencies.listAll(),
  ]);
  const model: AccessModel = {
    peopleKind: people.kind,
    people: everyone,
    tokens: tokens
      .filter((token) => token.person === null)
      .map(({ tokenHash: _hidden, ...visible }) => visible),
    agencies: agencies
      .map((stored) => stored.agency)
      .filter((agency) => agency.active && !agency.mergedInto && agency.kind !== 'collective')
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    ...shown,
  };
  return html(status, renderDocument(<AccessPage ctx={request.ctx} model={model} />));
}

function roleAndAgency(form: PostedForm): { role: Role; agencyId: string | null } {
  const role = ROLES.find((each) => each === form.text('vai-tro'));
  if (!role) {
    throw new ValidationError('Hãy chọn vai trò.', [{ field: 'vai-tro', reason: 'chưa chọn' }]);
  }
  const agencyId = form.text('co-quan') || null;
  if ((role === 'agency') !== (agencyId !== null)) {
    throw new ValidationError(
      role === 'agency'
        ? 'Người dùng hoặc mã của cơ quan báo cáo cần chọn cơ quan.'
        : 'Chỉ vai trò cơ quan báo cáo mới thuộc một cơ quan.',
      [{ field: 'co-quan', reason: 'không khớp với vai trò' }],
    );
  }
  return { role, agencyId };
}

export const handler = webHandler<'webAdmin'>(
  {
    'GET /quan-tri/ke-hoach': {
      access: ADMIN,
      handle: async (request) => uploadPage(request, emptyUpload()),
    },

    'POST /quan-tri/ke-hoach': {
      access: ADMIN,
      handle: async (request) => {
        const form = await request.form();
        const caller = request.caller;
        if (!caller) throw new Error('an admin page without a caller');
        const uploaded = await form.file('tep');
        const kind = form.text('loai') === 'notice' ? 'notice' : 'plan';
        const file = uploaded?.name ?? form.text('tep-ten');
        const bytes = uploaded?.bytes ?? Buffer.from(form.text('tep-noi-dung'), 'base64');
        if (!file || bytes.byteLength === 0) {
          return uploadPage(
            request,
            { ...emptyUpload(), errors: [{ field: 'tep', message: 'Hãy chọn tệp tài liệu.' }] },
            422,
          );
        }
        const answers = answersOf(form);
        const key = form.text('idempotencyKey') || randomUUID();
        const model: PlanUploadModel = {
          ...emptyUpload(),
          document: { file, base64: bytes.toString('base64'), kind },
          answers,
          idempotencyKey: key,
        };
        try {
          const source = await documentText(
            file.toLowerCase().endsWith('.docx')
              ? { file, docx: bytes }
              : { file, text: bytes.toString('utf8') },
          );
          const plan: ImportRequest = {
            source,
            kind,
            overrides: {},
            resolutions: resolutionsOf(answers),
            draft: false,
          };
          const actor = actorOf(caller);
          if (form.text('thao-tac') === 'nhap') {
            const result = await importOnce(
              { scope: scopeOf(caller, key), request: { plan, actor } },
              request.context,
            );
            return uploadPage(request, { ...emptyUpload(), result });
          }
          const deps = importDeps(stores, actor, request.event.requestContext.requestId);
          return uploadPage(request, { ...model, preview: await previewImport(plan, deps) });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          // Still unresolved names: the preview asks them again, with the answers so far.
          if (error.kind === 'unprocessable' || error.kind === 'invalid') {
            const preview = await previewImport(
              {
                source: await documentText(
                  file.toLowerCase().endsWith('.docx')
                    ? { file, docx: bytes }
                    : { file, text: bytes.toString('utf8') },
                ),
                kind,
                overrides: {},
                resolutions: resolutionsOf(answers),
                draft: false,
              },
              importDeps(stores, actorOf(caller), request.event.requestContext.requestId),
            ).catch(() => null);
            return uploadPage(
              request,
              {
                ...model,
                preview,
                document: preview ? model.document : null,
                errors: problemsOf(error),
              },
              422,
            );
          }
          return uploadPage(request, { ...emptyUpload(), errors: problemsOf(error) }, 422);
        }
      },
    },

    'GET /quan-tri/truy-cap': {
      access: ADMIN,
      handle: async (request) => {
        const done = request.query['da-thu-hoi'];
        return accessPage(request, {
          issued: null,
          message: done ? `Đã thu hồi ${done}.` : null,
          error: null,
        });
      },
    },

    'POST /quan-tri/truy-cap': {
      access: ADMIN,
      handle: async (request) => {
        const form = await request.form();
        const now = web.clock.now();
        try {
          const { role, agencyId } = roleAndAgency(form);
          if (form.text('loai') === 'person') {
            const person = form.text('ho-ten');
            if (!person) {
              throw new ValidationError('Hãy nhập họ và tên.', [
                { field: 'ho-ten', reason: 'bắt buộc' },
              ]);
            }
            const issued = await people.add(
              {
                person,
                role,
                agencyId,
                login: form.text('dang-nhap'),
                email: form.text('thu-dien-tu') || undefined,
              },
              now,
            );
            return accessPage(request, {
              issued: { what: 'person', ...issued, label: person },
              message: null,
              error: null,
            });
          }
          const label = form.text('nhan');
          if (!label) {
            throw new ValidationError('Hãy nhập nhãn của mã.', [
              { field: 'nhan', reason: 'bắt buộc' },
            ]);
          }
          const { secret, record } = await issueToken(
            { role, agencyId: agencyId ?? undefined, label },
            stores.tokens,
            now,
          );
          return accessPage(request, {
            issued: { what: 'token', login: record.tokenId, secret, label },
            message: null,
            error: null,
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return accessPage(request, { issued: null, message: null, error: error.message }, 422);
        }
      },
    },

    'GET /quan-tri/thu-gui': {
      access: ADMIN,
      handle: async (request) => {
        const page = await outbox.list(OUTBOX_PAGE, request.query.sau);
        const model = { messages: page.items, next: page.nextCursor };
        return html(200, renderDocument(<OutboxPage ctx={request.ctx} model={model} />));
      },
    },

    'POST /quan-tri/truy-cap/thu-hoi': {
      access: ADMIN,
      handle: async (request) => {
        const form = await request.form();
        const login = form.text('ma');
        const now = web.clock.now();
        const done =
          form.text('loai') === 'person'
            ? await people.disable(login, now)
            : await stores.tokens.revoke(login, now);
        if (!done) {
          return accessPage(
            request,
            { issued: null, message: null, error: `Không có ${login}.` },
            404,
          );
        }
        return redirect(
          link(request.ctx, `/quan-tri/truy-cap?da-thu-hoi=${encodeURIComponent(login)}`),
        );
      },
    },
  },
  web,
);
