/** @jsxImportSource hono/jsx */
/**
 * Every page's frame: `lang="vi"`, a skip link, the main navigation for the viewer's role,
 * the person signed in with a sign-out button, and htmx boosting links and forms (each
 * request carries the session's CSRF token as a header; every form also has it as a field
 * for browsers without JavaScript).
 */
import type { Child } from 'hono/jsx';
import { formatPeriod } from '#shared/domain/period/period.ts';
import { currentPeriod } from '#shared/domain/period/period-relations.ts';
import { ROLE_LABELS } from './labels.ts';
import { assetLink, CSRF_FIELD, CSRF_HEADER, link, type PageContext } from './context.ts';

/** htmx swaps 422 answers too (a form with its errors), and adds no inline styles (CSP). */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '422', swap: true },
    { code: '[45]..', swap: true, error: true },
  ],
});

interface NavItem {
  path: string;
  label: string;
}

function navItems(ctx: PageContext): NavItem[] {
  const viewer = ctx.viewer;
  if (!viewer) return [];
  const quarter = formatPeriod(currentPeriod('quarter', new Date()));
  const items: NavItem[] = [
    { path: '/', label: 'Tổng quan' },
    { path: `/quy/${quarter}/agriculture`, label: 'Quý và lĩnh vực' },
  ];
  if (viewer.role === 'agency' && viewer.agencyId) {
    items.push({ path: `/co-quan/${viewer.agencyId}`, label: 'Việc cần báo cáo' });
  }
  if (viewer.role === 'admin') {
    items.push(
      { path: '/quan-tri/ke-hoach', label: 'Nhập kế hoạch' },
      { path: '/quan-tri/truy-cap', label: 'Mã truy cập và người dùng' },
      { path: '/quan-tri/thu-gui', label: 'Thư gửi đi' },
    );
  }
  items.push({ path: '/tai-lieu-api', label: 'Tài liệu API' });
  return items;
}

const isCurrent = (ctx: PageContext, path: string): boolean =>
  path === '/' ? ctx.path === '/' : ctx.path.startsWith(path.split('/').slice(0, 2).join('/'));

export function Layout(props: {
  ctx: PageContext;
  title: string;
  children?: Child;
  /** Extra scripts for this page only (the API viewer). */
  scripts?: string[];
  /**
   * The page brings its own main landmark (the API viewer renders one), so the frame wraps
   * it in a plain container: a page has one main landmark, at the top level.
   */
  ownMain?: boolean;
}) {
  const { ctx } = props;
  const viewer = ctx.viewer;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Tiến độ kế hoạch tỉnh Lạng Sơn`}</title>
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <link rel="stylesheet" href={assetLink(ctx, 'css')} />
        <script src={assetLink(ctx, 'htmx')} defer></script>
        <script src={assetLink(ctx, 'app')} defer></script>
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body
        hx-boost="true"
        hx-headers={viewer ? JSON.stringify({ [CSRF_HEADER]: viewer.csrfToken }) : undefined}
      >
        <a class="skip" href="#noi-dung">
          Bỏ qua, đến nội dung chính
        </a>
        <header class="site">
          <div class="inner">
            <a class="brand" href={link(ctx, '/')}>
              Tiến độ kế hoạch tỉnh Lạng Sơn
            </a>
            {viewer && (
              <nav aria-label="Điều hướng chính">
                <ul>
                  {navItems(ctx).map((item) => (
                    <li>
                      <a
                        href={link(ctx, item.path)}
                        aria-current={isCurrent(ctx, item.path) ? 'page' : undefined}
                      >
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            {viewer && (
              <div class="who">
                <span>
                  {viewer.person}
                  {' · '}
                  {viewer.agencyName ?? ROLE_LABELS[viewer.role]}
                </span>
                <form method="post" action={link(ctx, '/dang-xuat')} hx-boost="false">
                  <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
                  <button type="submit">Đăng xuất</button>
                </form>
              </div>
            )}
          </div>
        </header>
        {props.ownMain ? (
          <div id="noi-dung" tabindex={-1}>
            {props.children}
          </div>
        ) : (
          <main id="noi-dung" tabindex={-1}>
            {props.children}
          </main>
        )}
        <footer>
          <div class="inner">
            Ủy ban nhân dân tỉnh Lạng Sơn · Hệ thống theo dõi tiến độ thực hiện kế hoạch
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A whole document: the doctype and the rendered tree. */
export function renderDocument(page: unknown): string {
  const html = String(page);
  if (html.includes('[object Promise]')) throw new Error('a page component must not be async');
  return `<!doctype html>${html}`;
}
