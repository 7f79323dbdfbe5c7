/**
 * The pages the web part measures: one of each page route, opened by the person who would
 * open it. Every GET page route is here or named as not a page (an asset, a download), so a
 * new page cannot escape the budgets unmeasured.
 */
import { formatPeriod } from '#shared/domain/period/period.ts';
import { currentPeriod } from '#shared/domain/period/period-relations.ts';
import { PAGE_ROUTES } from '#shared/platform/routes.ts';

/** Who opens a page: the accounts platform-server.ts issues, or nobody signed in. */
export type Viewer = 'leader' | 'officer' | 'admin' | 'nobody';

type GetPageRoute = Extract<(typeof PAGE_ROUTES)[number], { method: 'GET' }>['path'];

export interface MeasuredPage {
  /** A short name for the table. */
  name: string;
  route: GetPageRoute;
  path: string;
  viewer: Viewer;
  /** Why the page may exceed the script budget (README, "The web app"). */
  scriptBudgetException?: string;
  /** What the page's scripts fetch after it loads, weighed beside it. */
  fetches?: string[];
}

/** An agency with tasks of its own in the seed plans, and one of its tasks with targets. */
export const OFFICER_AGENCY = 'so-nong-nghiep-va-moi-truong';
const TASK = 'KH266-I-2';

/** GET routes that answer files rather than pages: weighed as a page's assets, or not at all. */
const NOT_PAGES: readonly GetPageRoute[] = ['/tai-nguyen/{file}', '/quy/{quarter}/{sector}/tai-ve'];

export function measuredPages(now: Date): MeasuredPage[] {
  const quarter = formatPeriod(currentPeriod('quarter', now));
  const pages: MeasuredPage[] = [
    { name: 'overview', route: '/', path: '/', viewer: 'leader' },
    { name: 'task', route: '/nhiem-vu/{taskId}', path: `/nhiem-vu/${TASK}`, viewer: 'leader' },
    {
      name: 'agency inbox',
      route: '/co-quan/{agencyId}',
      path: `/co-quan/${OFFICER_AGENCY}`,
      viewer: 'officer',
    },
    {
      name: 'report form',
      route: '/nhiem-vu/{taskId}/bao-cao',
      path: `/nhiem-vu/${TASK}/bao-cao`,
      viewer: 'officer',
    },
    {
      name: 'quarter and sector',
      route: '/quy/{quarter}/{sector}',
      path: `/quy/${quarter}/agriculture`,
      viewer: 'leader',
    },
    {
      name: 'plan upload',
      route: '/quan-tri/ke-hoach',
      path: '/quan-tri/ke-hoach',
      viewer: 'admin',
    },
    {
      name: 'tokens and people',
      route: '/quan-tri/truy-cap',
      path: '/quan-tri/truy-cap',
      viewer: 'admin',
    },
    { name: 'outbox', route: '/quan-tri/thu-gui', path: '/quan-tri/thu-gui', viewer: 'admin' },
    {
      name: 'API documentation',
      route: '/tai-lieu-api',
      path: '/tai-lieu-api',
      viewer: 'leader',
      scriptBudgetException:
        'the bundled API viewer (openapi-explorer), the only way to render the OpenAPI description without fetching from the internet',
      fetches: ['/openapi.json'],
    },
    { name: 'sign-in', route: '/dang-nhap', path: '/dang-nhap', viewer: 'nobody' },
  ];
  const covered = new Set<string>([...pages.map((page) => page.route), ...NOT_PAGES]);
  const missing = PAGE_ROUTES.filter((r) => r.method === 'GET' && !covered.has(r.path));
  if (missing.length > 0) {
    throw new Error(`page routes not measured: ${missing.map((r) => r.path).join(', ')}`);
  }
  return pages;
}
