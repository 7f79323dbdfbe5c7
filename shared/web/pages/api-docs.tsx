/** @jsxImportSource hono/jsx */
/**
 * The API's documentation for agencies' developers: `/openapi.json` rendered in the page by
 * openapi-explorer, served from the platform itself (nothing is fetched from elsewhere).
 */
import { assetLink, link, type PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';

export function ApiDocsPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title="Tài liệu API" scripts={[assetLink(ctx, 'apiViewer')]} ownMain>
      <section aria-labelledby="tieu-de-api">
        <h1 id="tieu-de-api">Tài liệu API cho hệ thống của các cơ quan</h1>
        <p class="lead">
          Mô tả OpenAPI 3.1 đầy đủ ở <a href={link(ctx, '/openapi.json')}>/openapi.json</a>. Mọi yêu
          cầu cần mã truy cập (Bearer) do quản trị viên cấp.
        </p>
      </section>
      {/* The viewer's navigation in colours that keep every title readable (WCAG AA). */}
      <openapi-explorer
        spec-url={link(ctx, '/openapi.json')}
        nav-bg-color="#1f2933"
        nav-text-color="#ffffff"
        nav-hover-bg-color="#323f4b"
        nav-hover-text-color="#ffffff"
        hide-server-selection="false"
        hide-authentication="false"
        collapse="true"
        table="true"
      ></openapi-explorer>
    </Layout>
  );
}
