// Where a running `npm start` says how to reach it, so `npm run invoke` can run a handler against it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const RUNTIME_FILE = '.data/runtime.json';

export interface RuntimeFile {
  pid: number;
  apiUrl: string;
  handlerEnv: Record<string, string>;
}

export function writeRuntimeFile(info: RuntimeFile, path = RUNTIME_FILE): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(info, null, 2)}\n`);
}

/** Remove the file if it is this process's (a second runtime started meanwhile keeps its own). */
export function removeRuntimeFile(path = RUNTIME_FILE): void {
  if (!existsSync(path)) return;
  const info = JSON.parse(readFileSync(path, 'utf8')) as RuntimeFile;
  if (info.pid === process.pid) rmSync(path, { force: true });
}

/** The running runtime's details, or undefined if none is running (a file left by a dead process counts as none). */
export function readRuntimeFile(path = RUNTIME_FILE): RuntimeFile | undefined {
  if (!existsSync(path)) return undefined;
  const info = JSON.parse(readFileSync(path, 'utf8')) as RuntimeFile;
  try {
    process.kill(info.pid, 0);
  } catch {
    return undefined;
  }
  return info;
}
