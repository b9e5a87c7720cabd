// npm run classifier:export-corrections — staff corrections as rows of the labelled-set format
// (data/classification/README.md), to review and add to data/classification/labelled/ before retraining.
//   --from-file corrections.jsonl       one ClassificationCorrection per line (e.g. an export of the items)
//   --from-table --month 2026-11        the table named by TABLE_NAME (one Query per month, no Scan); give
//                                       --month several times, or --since 2026-09 [--until 2026-11]
//   --out file                          write there instead of stdout
// Phone and ID numbers are masked again on the way out, whatever the source.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { correctionsAsLabelledFile, type ClassificationCorrection } from '../shared/domain/classification/correction.js';

function argValues(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === name && process.argv[i + 1] !== undefined) out.push(process.argv[i + 1]!);
  });
  return out;
}

/** Every month from `since` to `until` (yyyy-mm), inclusive. */
export function monthsBetween(since: string, until: string): string[] {
  const months: string[] = [];
  let [y, m] = since.split('-').map(Number) as [number, number];
  const [uy, um] = until.split('-').map(Number) as [number, number];
  while (y < uy || (y === uy && m <= um)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    if (months.length > 240) throw new Error('more than 20 years of months: check --since and --until');
  }
  return months;
}

export function parseJsonLines(content: string, source: string): ClassificationCorrection[] {
  return content
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      const value = JSON.parse(line) as Partial<ClassificationCorrection>;
      if (typeof value.caseId !== 'string' || typeof value.text !== 'string' || !value.after || typeof value.channel !== 'string') {
        throw new Error(`${source}:${n}: not a classification correction (caseId, text, channel, after)`);
      }
      return value as ClassificationCorrection;
    });
}

async function fromTable(months: string[]): Promise<ClassificationCorrection[]> {
  const { dynamoDocumentClient } = await import('../shared/adapters/aws-clients.js');
  const { ClassificationCorrectionStore } = await import('../shared/adapters/dynamo/classification-correction-store.js');
  const table = process.env.TABLE_NAME;
  if (!table) throw new Error('set TABLE_NAME (and AWS_ENDPOINT_URL_DYNAMODB for the local runtime) to read from the table');
  const store = new ClassificationCorrectionStore(dynamoDocumentClient(), table);
  const all: ClassificationCorrection[] = [];
  for (const month of months) all.push(...(await store.inMonth(month)));
  return all;
}

async function main(): Promise<void> {
  const files = argValues('--from-file');
  let corrections: ClassificationCorrection[];
  if (files.length > 0) {
    corrections = files.flatMap((f) => parseJsonLines(readFileSync(f, 'utf8'), f));
  } else if (process.argv.includes('--from-table')) {
    const since = argValues('--since')[0];
    const months = since ? monthsBetween(since, argValues('--until')[0] ?? new Date().toISOString().slice(0, 7)) : argValues('--month');
    if (months.length === 0) throw new Error('with --from-table give --month yyyy-mm (repeatable) or --since yyyy-mm [--until yyyy-mm]');
    corrections = await fromTable(months);
  } else {
    throw new Error('give --from-file <corrections.jsonl> or --from-table --month <yyyy-mm>');
  }
  const text = correctionsAsLabelledFile(corrections, new Date().toISOString());
  const out = argValues('--out')[0];
  if (out) {
    writeFileSync(out, text);
    console.error(`wrote ${corrections.length} corrections to ${out}`);
  } else process.stdout.write(text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
