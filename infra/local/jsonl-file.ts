/**
 * The local runtime's dead letters on disk: one JSON line per record in a file of the data
 * folder (owner-only). Each record is one append and operations run one at a time, so
 * records never interleave. A torn last line (a crash mid-write) is skipped by `list` and
 * kept verbatim by `remove`, never silently dropped.
 */
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as z from 'zod';

export class JsonLinesFile<T extends { id: string }> {
  readonly #dataDir: string;
  readonly #file: string;
  readonly #schema: z.ZodType<T>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, fileName: string, schema: z.ZodType<T>) {
    this.#dataDir = dataDir;
    this.#file = join(dataDir, fileName);
    this.#schema = schema;
  }

  add(record: T): Promise<void> {
    return this.#serially(async () => {
      await mkdir(this.#dataDir, { recursive: true, mode: 0o700 });
      await appendFile(this.#file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    });
  }

  list(): Promise<T[]> {
    return this.#serially(async () =>
      (await this.#lines()).flatMap((line) => {
        const record = this.#parse(line);
        return record ? [record] : [];
      }),
    );
  }

  remove(id: string): Promise<void> {
    return this.#serially(async () => {
      const lines = await this.#lines();
      const kept = lines.filter((line) => this.#parse(line)?.id !== id);
      if (kept.length === lines.length) return;
      // Write aside, then rename over: a crash leaves either the old file or the new one.
      const temporary = `${this.#file}.${process.pid}.tmp`;
      await writeFile(temporary, kept.map((line) => `${line}\n`).join(''), { mode: 0o600 });
      await rename(temporary, this.#file);
    });
  }

  async #lines(): Promise<string[]> {
    try {
      const text = await readFile(this.#file, 'utf8');
      return text.split('\n').filter((line) => line.trim() !== '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  #parse(line: string): T | undefined {
    try {
      const parsed = this.#schema.safeParse(JSON.parse(line));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  #serially<R>(operation: () => Promise<R>): Promise<R> {
    const result = this.#queue.then(operation, operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
