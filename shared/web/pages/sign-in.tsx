/** @jsxImportSource hono/jsx */
/**
 * Signing in: a person's own account, never an agency's shared token. Locally the account
 * is a personal token (its id and secret, printed once by `npm run tokens`); on AWS a user
 * name and password of the Cognito user pool.
 */
import { FieldError } from '../components.tsx';
import { link, CSRF_FIELD, type PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';

export interface SignInForm {
  kind: 'personal-token' | 'cognito';
  csrfToken: string;
  login: string;
  next: string;
  /** Why the person is here: signed out, the session ended, a page needs a session. */
  reason: 'het-han' | 'can-dang-nhap' | 'da-dang-xuat' | null;
  error: string | null;
}

const REASONS: Record<NonNullable<SignInForm['reason']>, string> = {
  'het-han': 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.',
  'can-dang-nhap': 'Hãy đăng nhập để xem trang này.',
  'da-dang-xuat': 'Bạn đã đăng xuất.',
};

export function SignInPage(props: { ctx: PageContext; form: SignInForm }) {
  const { ctx, form } = props;
  const personal = form.kind === 'personal-token';
  return (
    <Layout ctx={ctx} title="Đăng nhập">
      <h1>Đăng nhập</h1>
      {form.reason && (
        <p class="notice" role="status">
          {REASONS[form.reason]}
        </p>
      )}
      <form class="stack" method="post" action={link(ctx, '/dang-nhap')} hx-boost="false">
        <input type="hidden" name={CSRF_FIELD} value={form.csrfToken} />
        <input type="hidden" name="tiep" value={form.next} />
        <div class="field">
          <label for="login">{personal ? 'Mã tài khoản' : 'Tên đăng nhập'}</label>
          {personal && (
            <p class="hint" id="login-hint">
              Mã bắt đầu bằng tok_, do quản trị viên cấp cho riêng bạn.
            </p>
          )}
          <input
            id="login"
            name="login"
            autocomplete="username"
            required
            value={form.login}
            aria-describedby={personal ? 'login-hint' : undefined}
          />
        </div>
        <div class="field">
          <label for="secret">{personal ? 'Mã bí mật cá nhân' : 'Mật khẩu'}</label>
          <input
            id="secret"
            name="secret"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid={form.error ? 'true' : undefined}
            aria-describedby={form.error ? 'secret-error' : undefined}
          />
          <FieldError id="secret-error" message={form.error ?? undefined} />
        </div>
        <div>
          <button type="submit">Đăng nhập</button>
        </div>
      </form>
    </Layout>
  );
}
