import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** One registered operation of a manifest. */
export interface TrustedDocument {
  hash: string;
  body: string;
  /** The manifest file it came from. */
  source: string;
}

/**
 * Reads a manifest of trusted documents: GraphQL Codegen's client preset
 * (`persisted-documents.json`: `{ "<sha256>": "<document>" }`) or Apollo's persisted query
 * manifest (`{ "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body" }] }`).
 */
export function readManifest(file: string): TrustedDocument[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`${file}: a manifest is a JSON object`);
  const record = raw as Record<string, unknown>;
  if (record['format'] === 'apollo-persisted-query-manifest') {
    const ops = record['operations'];
    if (!Array.isArray(ops)) throw new Error(`${file}: "operations" must be an array`);
    return ops.map((op: unknown, i) => {
      const o = op as { id?: unknown; body?: unknown };
      if (typeof o.id !== 'string' || typeof o.body !== 'string')
        throw new Error(`${file}: operations[${i}] needs a string id and body`);
      return { hash: o.id, body: o.body, source: file };
    });
  }
  return Object.entries(record).map(([hash, body]) => {
    if (typeof body !== 'string') throw new Error(`${file}: the document of ${hash} must be a string`);
    return { hash, body, source: file };
  });
}

export const sha256 = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex');

/**
 * The trusted documents a gateway runs by hash: manifests named in configuration, and every
 * `*.json` manifest in a watched folder (a client team drops its new manifest there at deploy
 * time; it is live within a second, without a restart). A manifest that cannot be read keeps
 * its previous documents and is reported.
 */
export class TrustedDocumentStore {
  private readonly byFile = new Map<string, Map<string, string>>();
  private documents = new Map<string, string>();
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly files: string[],
    private readonly dir: string | undefined,
    private readonly onProblem: (file: string, message: string) => void,
  ) {
    for (const file of files) this.loadFile(file, true);
    if (dir) {
      this.scanDir();
      if (existsSync(dir)) {
        this.watcher = watch(dir, () => {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => this.scanDir(), 200);
        });
        this.watcher.unref();
      }
    }
  }

  get size(): number {
    return this.documents.size;
  }

  get(hash: string): string | null {
    return this.documents.get(hash) ?? this.documents.get(hash.replace(/^sha256:/, '')) ?? null;
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }

  private loadFile(file: string, required: boolean): void {
    try {
      const docs = readManifest(file);
      this.byFile.set(file, new Map(docs.map((d) => [d.hash, d.body])));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (required && !this.byFile.has(file)) throw new Error(`trusted documents: ${message}`);
      this.onProblem(file, message);
    }
    this.rebuild();
  }

  private scanDir(): void {
    const dir = this.dir as string;
    const present = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => join(dir, f))
          .filter((f) => statSync(f).isFile())
      : [];
    for (const file of [...this.byFile.keys()])
      if (file.startsWith(dir) && !present.includes(file) && !this.files.includes(file))
        this.byFile.delete(file);
    for (const file of present) this.loadFile(file, false);
    this.rebuild();
  }

  private rebuild(): void {
    const next = new Map<string, string>();
    for (const docs of this.byFile.values()) for (const [hash, body] of docs) next.set(hash, body);
    this.documents = next;
  }
}
