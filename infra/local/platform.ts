/**
 * The whole platform on one machine: dynalite persisted under the data folder, the same
 * table definition, the seed plans, development tokens, a local event bus and scheduler
 * routing by the same declarations, and an HTTP server that turns requests into API
 * Gateway proxy events for the same handlers Lambda runs.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { access, constants } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import {
  ensureTable,
  startLocalStore,
  type LocalStore,
} from '#shared/adapters/dynamodb/local-store.ts';
import { dynamoStores, type DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { ConfigurationError } from '#shared/config/env.ts';
import { EVENT_RULES, SCHEDULES } from '#shared/platform/events.ts';
import { HANDLERS, type HandlerName } from '#shared/platform/handlers.ts';
import { QUEUES } from '#shared/platform/queues.ts';
import { ALL_ROUTES } from '#shared/platform/routes.ts';
import { loadSeed } from '#shared/seed-registry.ts';
import { DOCUMENT_PARSERS, documentIssues } from '#shared/use-cases/registry/document-parsers.ts';
import { seedEmptyStore } from '#shared/use-cases/registry/seed-store.ts';
import {
  closeGracefully,
  createHttpGateway,
  type ProxyHandler,
} from './api-gateway/http-gateway.ts';
import type { TokenAuthorizerHandler } from './api-gateway/authorizer.ts';
import { createLambdaContext, lambdaSettingsFor } from './api-gateway/lambda-context.ts';
import type { LocalConfig } from './config.ts';
import { preparePlatformSockets, preparePrivateDataFolder } from './data-folder.ts';
import { ensureDevTokens, type DevTokens } from './dev-tokens.ts';
import { FileDeadLetterStore } from './events/dead-letters.ts';
import { LocalEventBus } from './events/event-bus.ts';
import { LocalScheduler } from './events/scheduler.ts';
import { startEventBridgeEndpoint } from './eventbridge-endpoint.ts';
import { LOCAL_RISK_TOPIC_ARN, startSnsEndpoint } from './sns-endpoint.ts';
import { startControlServer } from './control-server.ts';
import { OutboxFolder, outboxFolder, SmtpRelay } from './mail/local-mailbox.ts';
import { LocalQueue } from './queues/local-queue.ts';
import { FileQueueDeadLetters } from './queues/queue-dead-letters.ts';
import { startSesEndpoint } from './ses-endpoint.ts';
import { startSqsEndpoint } from './sqs-endpoint.ts';
import { removeRuntimeInfo, writeRuntimeInfo } from './runtime-file.ts';
import { runtimeLogger } from './runtime-logger.ts';
import { largeBodyRoute } from './large-body-route.ts';
import { targetLinker } from '#shared/use-cases/indicators/plan-links.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const LOCAL_TABLE_NAME = 'langson-progress';
export const LOCAL_BUS_NAME = 'langson-progress-bus';
/** As on AWS by default (infra/cdk/context.ts). */
export const LOCAL_MAIL_FROM = 'no-reply@langson.gov.vn';

/** A local queue's URL: shaped as SQS's, answered by the local endpoint whatever its host. */
export const localQueueUrl = (name: string) =>
  `https://sqs.local.amazonaws.com/000000000000/langson-progress-${name}`;

export interface RunningPlatform {
  url: string;
  controlUrl: string;
  tokensFile: string;
  tokens: DevTokens;
  bus: LocalEventBus;
  scheduler: LocalScheduler;
  deadLetters: FileDeadLetterStore;
  /** The queues (the mail queue): `drain` waits for their deliveries. */
  queues: readonly LocalQueue[];
  /** The web app's address in messages. */
  publicUrl: string;
  /** Runs a declared handler now (schedules and command lines use it). */
  invoke(name: HandlerName, event: unknown): Promise<unknown>;
  close(): Promise<void>;
}

type AnyHandler = (event: unknown, context: Context) => Promise<unknown>;

async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await preparePrivateDataFolder(dataDir);
    await access(dataDir, constants.W_OK);
  } catch (error) {
    throw new ConfigurationError(
      `the data folder ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code}); choose another with --data-dir or DATA_DIR`,
    );
  }
}

async function openStore(dataDir: string, socketPath: string): Promise<LocalStore> {
  try {
    const store = await startLocalStore({ path: join(dataDir, 'dynamodb'), socketPath });
    await ensureTable(store.endpoint, LOCAL_TABLE_NAME);
    return store;
  } catch (error) {
    throw new ConfigurationError(
      `the data in ${join(dataDir, 'dynamodb')} cannot be opened (${(error as Error).message}); move the folder away to start afresh`,
    );
  }
}

/** Loads `seeds/` into the store the first time it starts empty. */
async function seedStore(stores: DynamoStores): Promise<void> {
  const seed = await loadSeed(REPO_ROOT);
  const result = await seedEmptyStore(seed, {
    parsers: DOCUMENT_PARSERS,
    issuesOf: documentIssues,
    agencies: stores.agencies,
    plans: stores.plans,
    audit: stores.audit,
    indicators: stores.indicators,
    links: targetLinker(stores.indicators),
    marker: stores.agencies,
    clock: { now: () => new Date() },
    deadline: Number.POSITIVE_INFINITY,
  });
  if (result.seeded)
    runtimeLogger.info('seeds loaded into the empty store', { plans: result.plans });
}

async function listen(server: Server, host: string, port: number): Promise<string> {
  server.listen(port, host);
  try {
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([error]) => Promise.reject(error)),
    ]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new ConfigurationError(
        `port ${port} on ${host} is in use; choose another with --port or PORT`,
      );
    }
    throw new ConfigurationError(
      `cannot listen on ${host}:${port} (${code ?? (error as Error).message})`,
    );
  }
  const address = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

export async function startPlatform(config: LocalConfig): Promise<RunningPlatform> {
  await prepareDataDir(config.dataDir);
  const sockets = await preparePlatformSockets(config.dataDir);
  const store = await openStore(config.dataDir, sockets.store).catch(async (error: unknown) => {
    await sockets.release();
    throw error;
  });
  const closers: (() => Promise<void>)[] = [() => store.close(), () => sockets.release()];
  try {
    const handlers = new Map<HandlerName, Promise<AnyHandler>>();
    const loadHandler = (name: HandlerName): Promise<AnyHandler> => {
      let loaded = handlers.get(name);
      if (!loaded) {
        const url = pathToFileURL(join(REPO_ROOT, HANDLERS[name].entry)).href;
        loaded = import(url).then((module: { handler: AnyHandler }) => module.handler);
        handlers.set(name, loaded);
      }
      return loaded;
    };
    const invoke = async (name: HandlerName, event: unknown) =>
      (await loadHandler(name))(event, createLambdaContext(lambdaSettingsFor(name)));

    const deadLetters = new FileDeadLetterStore(config.dataDir);
    const bus = new LocalEventBus({
      rules: EVENT_RULES,
      deadLetters,
      invoke: async (target, event) => {
        await invoke(target as HandlerName, event);
      },
      logger: runtimeLogger,
    });
    // Deliveries may publish further events (a report flags a task, the flag notifies):
    // drain before the endpoints they publish through close.
    closers.unshift(async () => {
      await bus.drain();
      await bus.close();
    });
    // One store for every queue's letters, so that its appends and removals never overlap.
    const queueDeadLetters = new FileQueueDeadLetters(config.dataDir);
    const queues = QUEUES.map(
      (declaration) =>
        new LocalQueue({
          declaration,
          url: localQueueUrl(declaration.name),
          invoke: (consumer, event) => invoke(consumer as HandlerName, event),
          deadLetters: queueDeadLetters,
          logger: runtimeLogger,
        }),
    );
    // Consumers may send mail: the queues drain before the endpoints they send through close.
    closers.unshift(async () => {
      for (const queue of queues) await queue.close();
    });
    const mailbox = config.smtpUrl
      ? new SmtpRelay(config.smtpUrl)
      : new OutboxFolder(outboxFolder(config.dataDir));
    const events = await startEventBridgeEndpoint(bus, sockets.events);
    const notifications = await startSnsEndpoint(config.dataDir, sockets.notifications);
    const queueEndpoint = await startSqsEndpoint(queues, sockets.queues);
    const mailEndpoint = await startSesEndpoint(mailbox, sockets.mail);
    // Endpoints close after the bus has drained, before the store and the sockets' folder.
    closers.splice(
      closers.length - 2,
      0,
      () => closeGracefully(events.server),
      () => closeGracefully(notifications.server),
      () => closeGracefully(queueEndpoint.server),
      async () => {
        await closeGracefully(mailEndpoint.server);
        mailbox.close();
      },
    );

    // Bodies too large for one response: files in the data folder behind a signed route.
    // The signing key lives only in this process, new at each start: a restart retires
    // every URL handed out before it, as their 15 minutes would.
    const largeBodies = {
      folder: join(config.dataDir, 'large-bodies'),
      signingKey: randomBytes(32),
      clock: { now: () => new Date() },
    };

    // A bucket named in the shell would send them to S3: locally they stay in the folder.
    delete process.env.LARGE_BODY_BUCKET;
    // The handlers read these once, at import: set them before any handler loads.
    Object.assign(process.env, {
      LARGE_BODY_FOLDER: largeBodies.folder,
      LARGE_BODY_SIGNING_KEY: largeBodies.signingKey.toString('base64'),
      TABLE_NAME: LOCAL_TABLE_NAME,
      DYNAMODB_ENDPOINT: store.endpoint,
      EVENT_BUS_NAME: LOCAL_BUS_NAME,
      EVENTBRIDGE_ENDPOINT: events.endpoint,
      RISK_TOPIC_ARN: LOCAL_RISK_TOPIC_ARN,
      SNS_ENDPOINT: notifications.endpoint,
      SQS_ENDPOINT: queueEndpoint.endpoint,
      SES_ENDPOINT: mailEndpoint.endpoint,
      MAIL_FROM: config.mailFrom ?? LOCAL_MAIL_FROM,
      ...Object.fromEntries(
        QUEUES.map((declaration) => [declaration.urlVariable, localQueueUrl(declaration.name)]),
      ),
      AWS_REGION: process.env.AWS_REGION ?? 'ap-southeast-1',
      POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME ?? 'langson-progress',
      POWERTOOLS_METRICS_NAMESPACE: 'LangSonProgress',
      // Locally the pages show a report the moment it is filed; on AWS each web function
      // keeps the current quarter it computed for 30 s (live-quarter-cache.ts).
      LIVE_FIGURES_CACHE_SECONDS: '0',
      ...(config.logFormat === 'pretty' ? { POWERTOOLS_DEV: 'true' } : {}),
    });

    const stores = dynamoStores(createDocumentClient(store.endpoint), LOCAL_TABLE_NAME);
    await seedStore(stores);
    const agencies = (await stores.agencies.listAll()).map((s) => s.agency);
    const devTokens = await ensureDevTokens(config.dataDir, stores.tokens, agencies);

    const scheduler = new LocalScheduler({
      schedules: SCHEDULES,
      invoke: async (target, input) => {
        await invoke(target as HandlerName, input);
      },
      logger: runtimeLogger,
    });
    scheduler.start();
    closers.unshift(() => scheduler.stop());

    const server = createHttpGateway({
      routes: ALL_ROUTES,
      localRoutes: [largeBodyRoute(largeBodies)],
      // Modules imported by path are untyped; the route declarations say which are proxy handlers.
      resolveHandler: async (name) => (await loadHandler(name)) as unknown as ProxyHandler,
      authorizer: (await loadHandler('authorizer')) as unknown as TokenAuthorizerHandler,
      // Locally a revoked token stops at once: the authorizer runs on every request (one
      // GetItem). On AWS its answers are cached for the TTL the CDK app sets (60 s).
      authorizerCacheTtlSeconds: 0,
      logger: runtimeLogger,
      basePath: '',
    });
    const url = await listen(server, config.host, config.port);
    closers.unshift(() => closeGracefully(server));
    // The links in messages, known once the gateway listens: the consumers start after it.
    const publicUrl = config.publicUrl ?? url;
    process.env.PUBLIC_BASE_URL = publicUrl;
    for (const queue of queues) queue.start();
    runtimeLogger.info('mail delivery', { to: mailbox.description, publicUrl });
    const control = await startControlServer({
      tokens: stores.tokens,
      deadLetters,
      bus,
      scheduler,
      queueDeadLetters,
      queues,
    });
    closers.unshift(() => closeGracefully(control.server));
    await writeRuntimeInfo(config.dataDir, {
      pid: process.pid,
      apiUrl: url,
      controlUrl: control.url,
      storeEndpoint: store.endpoint,
      tableName: LOCAL_TABLE_NAME,
    });
    closers.unshift(() => removeRuntimeInfo(config.dataDir));

    return {
      url,
      controlUrl: control.url,
      tokensFile: devTokens.file,
      tokens: devTokens.tokens,
      bus,
      scheduler,
      deadLetters,
      queues,
      publicUrl,
      invoke,
      close: async () => {
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
    throw error;
  }
}
