/**
 * Bench scripts run in child processes: the platform reads its environment once per
 * process, and a measurement should not share a heap or an event loop with the code that
 * drives it. Parent and child talk over Node's IPC channel: a child announces `ready` (a
 * server) or sends one `result` (a measurement), and answers `call`s by id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

type ChildMessage =
  | { kind: 'ready'; value: unknown }
  | { kind: 'result'; value: unknown }
  | { kind: 'reply'; id: number; value?: unknown; error?: string };
type ParentMessage = { kind: 'call'; id: number; command: string; arg?: unknown };

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** Keep the child's stdout (false: discarded, as a server's access logs are). */
  stdout?: boolean;
  /** Options for node itself (`--cpu-prof`, which NODE_OPTIONS may not carry). */
  nodeArgs?: string[];
}

/** The last bytes a child wrote to stderr, to explain a failure. */
function captureStderr(child: ChildProcess, limit = 20_000): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-limit);
  });
  return () => tail;
}

function spawnScript(
  script: string,
  args: string[],
  options: SpawnOptions,
  inheritStderr: boolean,
) {
  const command = [...(options.nodeArgs ?? []), '--import', 'tsx', resolve(REPO_ROOT, script)];
  return spawn(process.execPath, [...command, ...args], {
    cwd: REPO_ROOT,
    // The SDK's notice that its 2027 releases need Node 22 (STACK.md: expected, harmless)
    // would repeat once per child; it says nothing about the figures.
    env: {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...options.env,
    },
    stdio: [
      'ignore',
      options.stdout ? 'inherit' : 'ignore',
      inheritStderr ? 'inherit' : 'pipe',
      'ipc',
    ],
  });
}

/** Runs a measurement script to its end and returns the result it sent. */
export async function runScript<T>(
  script: string,
  args: string[] = [],
  options: SpawnOptions = {},
): Promise<T> {
  const child = spawnScript(script, args, options, true);
  let result: { value: unknown } | undefined;
  child.on('message', (message: ChildMessage) => {
    if (message.kind === 'result') result = { value: message.value };
  });
  // 'close', not 'exit': by then every message the child sent has been delivered.
  const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
  if (code !== 0 || !result) {
    throw new Error(`${script} ended with ${signal ?? `status ${code}`} and no result`);
  }
  return result.value as T;
}

export interface ServerChild<Ready> {
  ready: Ready;
  pid: number;
  call<T>(command: string, arg?: unknown): Promise<T>;
  /** Asks the child to stop cleanly; kills it (by its pid) if it has not within 30 s. */
  stop(): Promise<void>;
}

/** Starts a long-lived script (a store, the platform) and waits until it is ready. */
export async function startServer<Ready>(
  script: string,
  args: string[] = [],
  options: SpawnOptions = {},
): Promise<ServerChild<Ready>> {
  const child = spawnScript(script, args, options, false);
  const stderr = captureStderr(child);
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const exited = once(child, 'exit');
  child.on('message', (message: ChildMessage) => {
    if (message.kind !== 'reply') return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.value);
  });
  void exited.then(() => {
    for (const waiter of pending.values()) {
      waiter.reject(new Error(`${script} exited: ${stderr()}`));
    }
    pending.clear();
  });

  const ready = await Promise.race([
    new Promise<unknown>((resolveReady) =>
      child.on('message', (message: ChildMessage) => {
        if (message.kind === 'ready') resolveReady(message.value);
      }),
    ),
    exited.then(() => Promise.reject(new Error(`${script} exited before ready: ${stderr()}`))),
  ]);

  const call = <T>(command: string, arg?: unknown) =>
    new Promise<T>((resolveCall, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolveCall as (value: unknown) => void, reject });
      child.send({ kind: 'call', id, command, arg } satisfies ParentMessage);
    });

  return {
    ready: ready as Ready,
    pid: child.pid ?? -1,
    call,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await call('stop').catch(() => undefined);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---- in the child ----

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolveSend, reject) => {
    if (!process.send) {
      reject(new Error('this script is run by tests/bench/run.ts, with an IPC channel'));
      return;
    }
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolveSend()));
  });
}

/**
 * Runs a measurement script's main and sends what it returns to the parent, after the main's
 * own clean-up (`finally`) has run; then ends the process, whatever handles are still open.
 */
export function runMeasurement(main: () => Promise<unknown>): void {
  runMain(async () => {
    const value = await main();
    await send({ kind: 'result', value });
    process.exit(0);
  });
}

/**
 * Serves the parent's calls; `stop` runs `onStop` and ends the process. The IPC channel
 * keeps the child alive until then.
 */
export async function serve(
  ready: unknown,
  commands: Record<string, (arg: unknown) => Promise<unknown>>,
  onStop: () => Promise<void>,
): Promise<void> {
  process.on('message', (message: ParentMessage) => {
    if (message.kind !== 'call') return;
    if (message.command === 'stop') {
      void onStop().finally(() => {
        void send({ kind: 'reply', id: message.id, value: null }).finally(() => process.exit(0));
      });
      return;
    }
    const command = commands[message.command];
    const run = command
      ? command(message.arg)
      : Promise.reject(new Error(`no command ${message.command}`));
    run.then(
      (value) => send({ kind: 'reply', id: message.id, value: value ?? null }),
      (error: unknown) =>
        send({ kind: 'reply', id: message.id, error: (error as Error).stack ?? String(error) }),
    );
  });
  // The parent going away (a crash, ^C) must not leave a server running.
  process.on('disconnect', () => void onStop().finally(() => process.exit(0)));
  await send({ kind: 'ready', value: ready });
}

/** Runs a child script's main, reporting a failure on stderr with a non-zero status. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
