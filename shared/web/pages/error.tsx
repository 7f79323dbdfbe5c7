/** @jsxImportSource hono/jsx */
import { link, type PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  403: 'Không được phép',
  404: 'Không tìm thấy',
  409: 'Đang xử lý',
  413: 'Tệp quá lớn',
  422: 'Không thể thực hiện',
  503: 'Hệ thống đang bận',
};

export function ErrorPage(props: { ctx: PageContext; status: number; message: string }) {
  const title = TITLES[props.status] ?? 'Đã có lỗi xảy ra';
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p class="notice error" role="alert">
        {props.message}
      </p>
      <p>
        <a href={link(props.ctx, '/')}>Về trang tổng quan</a>
      </p>
    </Layout>
  );
}
