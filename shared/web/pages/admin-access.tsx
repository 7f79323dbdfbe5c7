/** @jsxImportSource hono/jsx */
/**
 * Tokens and people: the people who sign in to the web app (personal tokens locally,
 * Cognito users on AWS) and the machine tokens of agencies' systems. A secret is shown
 * once, right after it is issued, and never again.
 */
import { ROLES, type Role } from '#shared/domain/access/caller.ts';
import type { TokenRecord } from '#shared/domain/access/token.ts';
import type { Agency } from '#shared/domain/plan/model.ts';
import type { PersonAccount } from '#shared/use-cases/web/session-ports.ts';
import { CSRF_FIELD, link, type PageContext } from '../context.ts';
import { formatInstant } from '../format.ts';
import { ROLE_LABELS } from '../labels.ts';
import { Layout } from '../layout.tsx';

export interface AccessModel {
  peopleKind: 'personal-token' | 'cognito';
  people: PersonAccount[];
  tokens: Omit<TokenRecord, 'tokenHash'>[];
  agencies: Agency[];
  issued: { what: 'person' | 'token'; login: string; secret: string; label: string } | null;
  message: string | null;
  error: string | null;
}

function RoleAndAgency(props: { prefix: string; agencies: Agency[] }) {
  return (
    <>
      <div class="field">
        <label for={`${props.prefix}-vai-tro`}>Vai trò</label>
        <select id={`${props.prefix}-vai-tro`} name="vai-tro">
          {ROLES.map((role: Role) => (
            <option value={role} selected={role === 'agency'}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${props.prefix}-co-quan`}>Cơ quan (với vai trò cơ quan báo cáo)</label>
        <select id={`${props.prefix}-co-quan`} name="co-quan">
          <option value="">Không thuộc cơ quan nào</option>
          {props.agencies.map((agency) => (
            <option value={agency.id}>{agency.name}</option>
          ))}
        </select>
      </div>
    </>
  );
}

function RevokeButton(props: { ctx: PageContext; login: string; label: string; kind: string }) {
  return (
    <form method="post" action={link(props.ctx, '/quan-tri/truy-cap/thu-hoi')}>
      <input type="hidden" name={CSRF_FIELD} value={props.ctx.viewer?.csrfToken ?? ''} />
      <input type="hidden" name="ma" value={props.login} />
      <input type="hidden" name="loai" value={props.kind} />
      <button type="submit" class="secondary">
        Thu hồi<span class="visually-hidden"> {props.label}</span>
      </button>
    </form>
  );
}

export function AccessPage(props: { ctx: PageContext; model: AccessModel }) {
  const { ctx, model } = props;
  const agencyName = (id: string | null) =>
    id === null ? '—' : (model.agencies.find((agency) => agency.id === id)?.name ?? id);
  const action = link(ctx, '/quan-tri/truy-cap');
  const cognito = model.peopleKind === 'cognito';
  return (
    <Layout ctx={ctx} title="Mã truy cập và người dùng">
      <h1>Mã truy cập và người dùng</h1>
      {model.error && (
        <p class="notice error" role="alert">
          {model.error}
        </p>
      )}
      {model.message && (
        <p class="notice ok" role="status">
          {model.message}
        </p>
      )}
      {model.issued && (
        <div class="notice ok" role="status">
          <p>
            Đã cấp {model.issued.what === 'person' ? 'tài khoản cho' : 'mã truy cập'}{' '}
            {model.issued.label}. Hãy chuyển cho người nhận ngay: mã bí mật chỉ hiện một lần.
          </p>
          <p>
            {model.issued.what === 'person' ? 'Tên đăng nhập' : 'Mã'}:{' '}
            <span class="secret">{model.issued.login}</span>
          </p>
          <p>
            {cognito && model.issued.what === 'person' ? 'Mật khẩu' : 'Mã bí mật'}:{' '}
            <span class="secret" id="ma-bi-mat">
              {model.issued.secret}
            </span>
          </p>
        </div>
      )}

      <h2>Người dùng</h2>
      <p class="lead">Mỗi người đăng nhập bằng tài khoản riêng; mọi báo cáo ghi tên người gửi.</p>
      <div class="table-wrap">
        <table>
          <caption>Người dùng đăng nhập ứng dụng</caption>
          <thead>
            <tr>
              <th scope="col">Họ và tên</th>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Cơ quan</th>
              <th scope="col">Thư điện tử</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {model.people.map((person) => (
              <tr>
                <th scope="row">{person.person}</th>
                <td>{person.login}</td>
                <td>{ROLE_LABELS[person.role]}</td>
                <td>{agencyName(person.agencyId)}</td>
                <td>{person.email ?? '—'}</td>
                <td>{person.active ? 'Đang dùng' : 'Đã khóa'}</td>
                <td>
                  {person.active && (
                    <RevokeButton
                      ctx={ctx}
                      login={person.login}
                      label={person.person}
                      kind="person"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Thêm người dùng</h3>
      <form class="stack" method="post" action={action}>
        <input type="hidden" name={CSRF_FIELD} value={ctx.viewer?.csrfToken ?? ''} />
        <input type="hidden" name="loai" value="person" />
        <div class="field">
          <label for="p-ho-ten">Họ và tên</label>
          <input id="p-ho-ten" name="ho-ten" required autocomplete="off" />
        </div>
        {cognito && (
          <div class="field">
            <label for="p-dang-nhap">Tên đăng nhập</label>
            <input id="p-dang-nhap" name="dang-nhap" required autocomplete="off" />
          </div>
        )}
        <div class="field">
          <label for="p-thu-dien-tu">Thư điện tử (nhận thư nhắc báo cáo, bản tin tuần)</label>
          <input id="p-thu-dien-tu" name="thu-dien-tu" type="email" autocomplete="off" />
        </div>
        <RoleAndAgency prefix="p" agencies={model.agencies} />
        <div>
          <button type="submit">Cấp tài khoản</button>
        </div>
      </form>

      <h2>Mã truy cập cho hệ thống của cơ quan</h2>
      <div class="table-wrap">
        <table>
          <caption>Mã truy cập máy (không gắn với người)</caption>
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Nhãn</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Cơ quan</th>
              <th scope="col">Cấp lúc</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {model.tokens.map((token) => (
              <tr>
                <th scope="row">{token.tokenId}</th>
                <td>{token.label}</td>
                <td>{ROLE_LABELS[token.role]}</td>
                <td>{agencyName(token.agencyId)}</td>
                <td>{formatInstant(token.issuedAt)}</td>
                <td>{token.revokedAt ? 'Đã thu hồi' : 'Đang dùng'}</td>
                <td>
                  {!token.revokedAt && (
                    <RevokeButton
                      ctx={ctx}
                      login={token.tokenId}
                      label={token.tokenId}
                      kind="token"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Cấp mã truy cập</h3>
      <form class="stack" method="post" action={action}>
        <input type="hidden" name={CSRF_FIELD} value={ctx.viewer?.csrfToken ?? ''} />
        <input type="hidden" name="loai" value="token" />
        <div class="field">
          <label for="t-nhan">Nhãn (hệ thống nào dùng mã này)</label>
          <input id="t-nhan" name="nhan" required autocomplete="off" />
        </div>
        <RoleAndAgency prefix="t" agencies={model.agencies} />
        <div>
          <button type="submit">Cấp mã truy cập</button>
        </div>
      </form>
    </Layout>
  );
}
