/**
 * The data folder: the store, the tokens, the notifications, the dead letters and the
 * sockets the platform's emulations answer on. It holds every secret of the platform, so
 * it is its owner's alone: folders 0700, files 0600, also when an earlier version left
 * them open.
 */
import { chmod, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * LevelDB creates its files itself, as 0644 less the process's umask, and takes no mode:
 * the platform's process creates everything owner-only, as agents holding secrets do
 * (ssh-agent, gpg-agent). Worker threads cannot change the umask; their files are tightened
 * at the next start.
 */
function createPrivateFilesFromNowOn(): void {
  try {
    process.umask(0o077);
  } catch {
    // A worker thread: see above.
  }
}

/** Creates the data folder, or makes an existing one and everything in it private. */
export async function preparePrivateDataFolder(dataDir: string): Promise<void> {
  createPrivateFilesFromNowOn();
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_FOLDER });
  const entries = await readdir(dataDir, { withFileTypes: true, recursive: true });
  const paths = [dataDir, ...entries.map((entry) => join(entry.parentPath, entry.name))];
  for (const path of paths) {
    const stats = await lstat(path);
    if (stats.isSymbolicLink() || (stats.mode & 0o077) === 0) continue;
    await chmod(path, stats.isDirectory() ? PRIVATE_FOLDER : PRIVATE_FILE);
  }
}

export interface PlatformSockets {
  store: string;
  events: string;
  notifications: string;
  /** Removes the folder when it is a temporary one. */
  release(): Promise<void>;
}

/** Linux allows 107 bytes in a socket's path, macOS 103. */
const MAX_SOCKET_PATH_BYTES = 100;

/**
 * Where the store, the event bus and the notifications endpoint listen: `sockets/` in the
 * data folder, or, when that path is too long for a socket, a fresh owner-only temporary
 * folder (runtime.json says which).
 */
export async function preparePlatformSockets(dataDir: string): Promise<PlatformSockets> {
  const names = { store: 'dynamodb.sock', events: 'eventbridge.sock', notifications: 'sns.sock' };
  let folder = join(dataDir, 'sockets');
  let temporary = false;
  const longest = Object.values(names).map((name) => Buffer.byteLength(join(folder, name)));
  if (Math.max(...longest) > MAX_SOCKET_PATH_BYTES) {
    folder = await mkdtemp(join(tmpdir(), 'langson-sockets-'));
    temporary = true;
  }
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER });
  await chmod(folder, PRIVATE_FOLDER);
  return {
    store: join(folder, names.store),
    events: join(folder, names.events),
    notifications: join(folder, names.notifications),
    release: async () => {
      if (temporary) await rm(folder, { recursive: true, force: true });
    },
  };
}
