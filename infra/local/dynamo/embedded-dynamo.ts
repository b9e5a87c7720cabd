// DynamoDB inside this Node process, via dynalite: in memory, or kept on disk (LevelDB) in a data directory
// so the local runtime's cases survive a restart. Table create/delete/update take no time, unlike on AWS.
//
// Two dynalite servers on one LevelDB directory crash the process (LevelDB's own lock fails inside a stream,
// as an unhandled 'error'), so a data directory is taken with a lock file first, and a second taker gets a
// clear error instead. A lock left by a process that died is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import dynalite from 'dynalite';

export interface EmbeddedDynamoOptions {
  /** LevelDB directory, created if missing; omit to keep everything in memory */
  dataDir?: string;
  /** default 0: any free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
}

export interface EmbeddedDynamo {
  /** http://host:port, for DynamoDBClient's endpoint */
  endpoint: string;
  close(): Promise<void>;
}

const LOCK_FILE = 'hotline-dynalite.lock';

export async function startEmbeddedDynamo(options: EmbeddedDynamoOptions = {}): Promise<EmbeddedDynamo> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  const releaseLock = dataDir === undefined ? () => undefined : lockDataDir(dataDir);

  const server = dynalite({
    ...(dataDir !== undefined ? { path: dataDir } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (error) {
    releaseLock();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      (closed ??= new Promise<void>((resolveClose, reject) => {
        // dynalite's close() stops the server, then closes LevelDB once pending operations finish.
        server.close((err) => {
          releaseLock();
          if (err) reject(err);
          else resolveClose();
        });
        server.closeIdleConnections();
      })),
  };
}

function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (isAlive(holder)) {
        throw new Error(
          `${dataDir} is in use by another embedded DynamoDB (pid ${holder}${holder === process.pid ? ', this process' : ''}); ` +
            'close it first or use another data directory',
        );
      }
      rmSync(lockPath, { force: true }); // left by a process that is gone
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
