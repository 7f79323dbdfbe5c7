/**
 * The web app in a real browser against the local platform (real handlers, dynalite,
 * HTTP): signing in as a person, the report form with a field error and a double click,
 * the leader's overview and the task's risk after it, an admin's upload with its preview
 * and answer, sign-out, an expired session, and axe-core on every page.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { sessionKeys } from '#shared/adapters/dynamodb/keys.ts';
import { DynamoOutboxStore } from '#shared/adapters/dynamodb/outbox-store.ts';
import { dynamoStores, type DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { draftMessage, type OutboxMessage } from '#shared/domain/reminder/outbox-message.ts';
import { hashSessionId } from '#shared/domain/session/session.ts';
import { issueToken } from '#shared/use-cases/access.ts';
import { readRuntimeInfo } from '#infra/local/runtime-file.ts';
import { LOCAL_TABLE_NAME } from '#infra/local/platform.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { accessibilityViolations, launchChromium, refuseOtherOrigins } from './browser.ts';

const AGENCY = 'so-nong-nghiep-va-moi-truong';
/**
 * A guard, not a measure, for the tests that open many pages (with axe on each): on shared,
 * loaded cores one such walk outlasts the default 30 s. `npm run bench` measures the pages.
 */
const WALK = { timeout: 120_000 };
const TASK = 'KH266-I-2';

interface Account {
  login: string;
  secret: string;
}

let platform: TestPlatform;
let browser: Browser;
let stores: DynamoStores;
let outbox: DynamoOutboxStore;
let officer: Account;
let leader: Account;
let admin: Account;

async function personalAccount(
  role: 'agency' | 'viewer' | 'admin',
  person: string,
  agencyId?: string,
): Promise<Account> {
  const { secret, record } = await issueToken(
    { role, agencyId, label: person, person },
    stores.tokens,
    new Date(),
  );
  return { login: record.tokenId, secret };
}

async function signedIn(account: Account): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${platform.url}/dang-nhap`);
  await page.getByLabel('Mã tài khoản').fill(account.login);
  await page.getByLabel('Mã bí mật cá nhân').fill(account.secret);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${platform.url}/`);
  return { context, page };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  const runtime = await readRuntimeInfo(platform.dataDir);
  const db = createDocumentClient(runtime?.storeEndpoint);
  stores = dynamoStores(db, LOCAL_TABLE_NAME);
  outbox = new DynamoOutboxStore(db, LOCAL_TABLE_NAME);
  [officer, leader, admin] = await Promise.all([
    personalAccount('agency', 'Nguyễn Văn An', AGENCY),
    personalAccount('viewer', 'Lê Thị Lãnh Đạo'),
    personalAccount('admin', 'Trần Quản Trị'),
  ]);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('signing in', () => {
  it('refuses a machine token: people sign in as themselves', async () => {
    // Prepare
    const machine = await issueToken(
      { role: 'agency', agencyId: AGENCY, label: 'a system' },
      stores.tokens,
      new Date(),
    );
    const context = await browser.newContext();
    const page = await context.newPage();

    // Act
    await page.goto(`${platform.url}/dang-nhap`);
    await page.getByLabel('Mã tài khoản').fill(machine.record.tokenId);
    await page.getByLabel('Mã bí mật cá nhân').fill(machine.secret);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // Assess
    await expect.poll(() => page.locator('#secret-error').textContent()).toContain('không đúng');
    expect(await page.locator('#secret').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('sends a person without a session to sign in, then back where they were going', async () => {
    // Prepare
    const context = await browser.newContext();
    const page = await context.newPage();

    // Act
    await page.goto(`${platform.url}/nhiem-vu/${TASK}`);
    await page.getByLabel('Mã tài khoản').fill(leader.login);
    await page.getByLabel('Mã bí mật cá nhân').fill(leader.secret);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${platform.url}/nhiem-vu/${TASK}`);

    // Assess
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(TASK);
    const cookie = (await context.cookies()).find((c) => c.name === 'lsp_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
    await context.close();
  });
});

describe('an agency officer reports and a leader sees it', WALK, () => {
  it('files one report through a field error and a double click; the overview and the risk follow', async () => {
    // Prepare
    const { context, page } = await signedIn(officer);
    const leaderView = await signedIn(leader);
    await leaderView.page.goto(`${platform.url}/nhiem-vu/${TASK}`);
    expect(await leaderView.page.getByText('Không có nguy cơ nào được ghi nhận.').count()).toBe(1);

    // Act: the inbox, the form, a field error
    await page.getByRole('link', { name: 'Việc cần báo cáo' }).click();
    await page.waitForURL(`${platform.url}/co-quan/${AGENCY}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: `Báo cáo nhiệm vụ ${TASK}` }).click();
    await page.waitForURL(`${platform.url}/nhiem-vu/${TASK}/bao-cao`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Tình trạng thực hiện').selectOption('delayed');
    await page.getByLabel('Tỷ lệ hoàn thành (%)').fill('hai mươi');
    await page.getByLabel('Lúa (ha)').fill('9.000');
    await page.getByLabel('Khó khăn, vướng mắc').fill('Mưa lũ kéo dài');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();

    // Assess: the error beside its field, in Vietnamese, the rest kept
    await expect.poll(() => page.locator('#percent-error').count()).toBe(1);
    expect(await page.locator('#percent-error').textContent()).toContain('cách viết Việt Nam');
    expect(await page.getByLabel('Tỷ lệ hoàn thành (%)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Lúa (ha)').inputValue()).toBe('9.000');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await stores.reads.listReports(TASK, 10)).items).toHaveLength(0);

    // Act: corrected, then a double click
    await page.getByLabel('Tỷ lệ hoàn thành (%)').fill('20');
    const hidden = (name: string) =>
      page.locator(`#noi-dung form input[name="${name}"]`).inputValue();
    const form = {
      _csrf: await hidden('_csrf'),
      idempotencyKey: await hidden('idempotencyKey'),
      status: 'delayed',
      'actual-lua': '9.000',
      obstacles: 'Mưa lũ kéo dài',
    };
    await page.getByRole('button', { name: 'Gửi báo cáo' }).dblclick();
    await page.waitForURL(`${platform.url}/co-quan/${AGENCY}?da-gui=${TASK}`);
    // The same rendered form sent once more (a resend after a lost answer).
    const resend = await context.request.post(`${platform.url}/nhiem-vu/${TASK}/bao-cao`, {
      form: { ...form, percent: '20' },
      maxRedirects: 0,
    });

    // Assess: one report, naming the person and the agency
    expect(resend.status()).toBe(303);
    expect(await page.getByRole('status').first().textContent()).toContain(TASK);
    const reports = (await stores.reads.listReports(TASK, 10)).items;
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      agencyId: AGENCY,
      filedBy: { person: 'Nguyễn Văn An' },
      status: 'delayed',
      percentComplete: 20,
      actuals: { lua: 9000 },
      obstacles: ['Mưa lũ kéo dài'],
    });

    // Act: the leader looks again (the risk evaluator runs on the report's event)
    await platform.bus.drain();
    await leaderView.page.goto(`${platform.url}/`);

    // Assess: the overview lists the task at risk; the task page gives the reasons
    const atRisk = leaderView.page.getByRole('table', {
      name: 'Nhiệm vụ có nguy cơ chậm và lý do',
    });
    expect(await atRisk.getByRole('link', { name: TASK }).count()).toBe(1);
    await leaderView.page.goto(`${platform.url}/nhiem-vu/${TASK}`);
    expect(await leaderView.page.getByText('Không có nguy cơ nào được ghi nhận.').count()).toBe(0);
    expect(await leaderView.page.getByText('Nguyễn Văn An').count()).toBeGreaterThan(0);
    expect(await leaderView.page.getByText('đạt').first().textContent()).toMatch(/đạt \d/);
    await context.close();
    await leaderView.context.close();
  });
});

describe('every page passes axe', WALK, () => {
  it('finds no violation on the pages a leader and an admin open, and nothing loads from elsewhere', async () => {
    // Prepare
    const { context, page } = await signedIn(admin);
    const refused = await refuseOtherOrigins(page, platform.url);
    const quarter =
      (await page.getByRole('link', { name: 'Quý và lĩnh vực' }).getAttribute('href')) ?? '';
    const paths = [
      '/',
      '/?sap-xep=dung-han&thu-tu=giam',
      `/nhiem-vu/${TASK}`,
      `/co-quan/${AGENCY}`,
      quarter,
      '/quan-tri/ke-hoach',
      '/quan-tri/truy-cap',
      '/quan-tri/thu-gui',
      '/tai-lieu-api',
    ];

    // Act
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      const response = await page.goto(`${platform.url}${path}`);
      expect(response?.status(), path).toBe(200);
      // The viewer renders /openapi.json after the load event: check what it rendered.
      if (path === '/tai-lieu-api') await page.locator('openapi-explorer #link-servers').waitFor();
      found[path] = await accessibilityViolations(page);
    }

    // Assess
    expect(found).toEqual(Object.fromEntries(paths.map((path) => [path, []])));
    expect(refused).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('administration', () => {
  it('previews an uploaded plan, takes the answer to its unknown name, and imports it', async () => {
    // Prepare
    const { context, page } = await signedIn(admin);
    const plan = [
      '**PHỤ LỤC 1: Nhiệm vụ thử nghiệm năm 2026**',
      '(Kèm theo Kế hoạch số 901 /KH-UBND ngày 07 tháng 7 năm 2026 của UBND tỉnh Lạng Sơn)',
      '',
      'STT\tGiải pháp, công việc cụ thể\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tKết quả cụ thể',
      '<b>I</b>\t<b>Lĩnh vực nông, lâm nghiệp và thủy sản</b>\t\t\t\t',
      '1\tKiểm tra giống cây trồng vụ Đông\tTrạm Giống cây trồng Mẫu Sơn\t\tTrước 30/11/2026\tBáo cáo kết quả',
      '',
    ].join('\n');

    // Act: upload, preview
    await page.goto(`${platform.url}/quan-tri/ke-hoach`);
    await page.getByLabel(/Tài liệu/).setInputFiles({
      name: 'kh901.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(plan, 'utf8'),
    });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('heading', { name: /Xem trước: KH901/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const question = page.getByLabel(/Trạm Giống cây trồng Mẫu Sơn/);
    await question.selectOption({ label: 'Cơ quan mới: Khác' });
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();

    // Assess
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Đã nhập KH901');
    expect(await stores.reads.getPlan('KH901')).toMatchObject({ code: 'KH901', currentVersion: 1 });
    await context.close();
  });

  it('issues a personal account whose secret signs its holder in', async () => {
    // Prepare
    const { context, page } = await signedIn(admin);
    await page.goto(`${platform.url}/quan-tri/truy-cap`);

    // Act
    await page.getByLabel('Họ và tên').fill('Phạm Văn Mới');
    await page.locator('#p-co-quan').selectOption(AGENCY);
    await page.getByRole('button', { name: 'Cấp tài khoản' }).click();
    const secret = (await page.locator('#ma-bi-mat').textContent()) ?? '';
    const login = (await page.locator('.secret').first().textContent()) ?? '';
    const fresh = await signedIn({ login, secret });

    // Assess
    expect(await fresh.page.locator('.who').textContent()).toContain('Phạm Văn Mới');
    await fresh.context.close();
    await context.close();
  });
});

describe('the outbox', () => {
  it('shows an admin each message: its recipient, addresses, state, a failure, and its words', async () => {
    // Prepare: a reminder sent, an escalation whose delivery failed twice
    const at = '2026-12-14T03:00:00.000Z';
    const reminder = draftMessage(
      {
        id: 'msg_web_reminder',
        kind: 'reminder',
        period: '2026-Q4',
        recipientId: AGENCY,
        to: ['vanthu@snnmt.langson.gov.vn'],
        content: {
          kind: 'reminder',
          period: '2026-Q4',
          deadline: '2026-12-18',
          on: '2026-12-14',
          recipient: { id: AGENCY, name: 'Sở Nông nghiệp và Môi trường' },
          tasks: [
            {
              id: TASK,
              title: 'Gieo trồng cây vụ mùa',
              plan: 'Kế hoạch số 266/KH-UBND',
              section: 'I',
              ordinal: '2',
            },
          ],
        },
        claims: [{ agencyId: AGENCY, taskId: TASK, recipientId: AGENCY }],
      },
      at,
    );
    const escalation: OutboxMessage = {
      ...reminder,
      id: 'msg_web_escalation',
      kind: 'escalation',
      recipientId: 'van-phong-ubnd-tinh',
      to: ['vanthu@vpubnd.langson.gov.vn'],
      content: {
        kind: 'escalation',
        period: '2026-Q4',
        deadline: '2026-12-18',
        on: '2026-12-22',
        recipient: { id: 'van-phong-ubnd-tinh', name: 'Văn phòng UBND tỉnh' },
        late: [
          {
            agency: { id: AGENCY, name: 'Sở Nông nghiệp và Môi trường' },
            tasks: reminder.content.kind === 'reminder' ? reminder.content.tasks : [],
          },
        ],
      },
      claims: [{ agencyId: AGENCY, taskId: TASK, recipientId: 'van-phong-ubnd-tinh' }],
    };
    for (const message of [reminder, escalation]) {
      await outbox.saveDraft(message);
      await outbox.finalize(message.id, message, at);
      await outbox.markQueued(message.id, at);
    }
    await outbox.markSent(
      reminder.id,
      {
        subject: 'Nhắc gửi báo cáo Quý IV/2026',
        text: 'Kính gửi: Sở Nông nghiệp và Môi trường\n',
        providerId: 'ses-1',
      },
      at,
    );
    await outbox.recordFailure(escalation.id, 'MessageRejected: address not verified', at);
    await outbox.recordFailure(escalation.id, 'MessageRejected: address not verified', at);
    const { context, page } = await signedIn(admin);

    // Act
    await page.getByRole('link', { name: 'Thư gửi đi' }).click();
    await page.waitForURL(`${platform.url}/quan-tri/thu-gui`);
    const sent = page.getByRole('row', { name: /Sở Nông nghiệp và Môi trường vanthu@snnmt/ });
    const failing = page.getByRole('row', { name: /Văn phòng UBND tỉnh vanthu@vpubnd/ });
    await failing.getByText(/^Báo cáo Quý IV\/2026 quá hạn/).click();

    // Assess
    expect(await sent.textContent()).toContain('Nhắc báo cáo');
    expect(await sent.textContent()).toContain('Đã gửi');
    expect(await failing.textContent()).toContain(
      'Gửi lỗi 2 lần: MessageRejected: address not verified',
    );
    expect(await failing.locator('pre.mail').textContent()).toContain(
      '1. Sở Nông nghiệp và Môi trường (1 nhiệm vụ), /co-quan/so-nong-nghiep-va-moi-truong',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the end of a session', () => {
  it('signs out: the old cookie opens nothing', async () => {
    // Prepare
    const { context, page } = await signedIn(leader);
    const cookie = (await context.cookies()).find((c) => c.name === 'lsp_session');

    // Act
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap\?ly-do=da-dang-xuat/);
    if (!cookie) throw new Error('no session cookie');
    await context.addCookies([{ ...cookie, expires: -1 }]);
    await page.goto(`${platform.url}/`);

    // Assess
    expect(page.url()).toContain('/dang-nhap?ly-do=het-han');
    expect(await page.getByRole('status').textContent()).toContain('hết hạn');
    await context.close();
  });

  it('sends a person whose session has ended back to sign in', async () => {
    // Prepare
    const { context, page } = await signedIn(officer);
    const cookie = (await context.cookies()).find((c) => c.name === 'lsp_session');
    const db = createDocumentClient((await readRuntimeInfo(platform.dataDir))?.storeEndpoint);
    const key = sessionKeys.session(hashSessionId(cookie?.value ?? ''));
    const { Item } = await db.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: key }));
    await db.send(
      new PutCommand({
        TableName: LOCAL_TABLE_NAME,
        Item: { ...Item, endsAt: new Date(Date.now() - 1000).toISOString() },
      }),
    );

    // Act
    await page.goto(`${platform.url}/co-quan/${AGENCY}`);

    // Assess
    expect(page.url()).toContain('/dang-nhap?ly-do=het-han');
    expect(await page.getByRole('status').textContent()).toContain('Phiên đăng nhập đã hết hạn');
    await context.close();
  });
});
