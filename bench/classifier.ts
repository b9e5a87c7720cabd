// Classifier benchmark, one core, no I/O: classifications per second of the production classifier (model +
// rules: normalisation, segmentation, features, three heads, explanation), the model file's size, the time to
// load it (read, JSON.parse, build the model, segmenter and rule tables: what a cold start pays), and the size
// of the classifier as esbuild bundles it (model, rules, OpenCC tables; the Lambda bundle budget is 1 MB).
// Run alone: npx tsx bench/classifier.ts (or npm run classifier:bench); part of `npm run bench` through
// bench/suites/engines.ts (benchClassifier).
import { readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { LinearModel, parseModelData } from '../shared/domain/classification/linear-model.js';
import { createModelClassifier } from '../shared/domain/classification/model-classifier.js';
import { loadLabelled, MODEL_FILE, ROOT } from '../scripts/classifier-data.js';
import { figure, type Figure } from './figure.js';
import { measureRate } from './rate.js';

/** The main thread's CPU time (user + system) from /proc, in ms; 0 where /proc is not there. */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // after "pid (comm) ": state is field 3, utime field 14 and stime field 15 (1-based) → indexes 11 and 12
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

function loadOnce(): number {
  const t0 = performance.now();
  const model = new LinearModel(parseModelData(JSON.parse(readFileSync(MODEL_FILE, 'utf8'))));
  createModelClassifier({ model });
  return performance.now() - t0;
}

export async function benchClassifier(options: { minMs?: number } = {}): Promise<Figure[]> {
  const minMs = options.minMs ?? 1000;
  const figures: Figure[] = [];

  const firstLoad = loadOnce();
  const laterLoads = Array.from({ length: 5 }, loadOnce).sort((a, b) => a - b);
  const sizeKb = statSync(MODEL_FILE).size / 1024;
  figures.push(figure('classifier model file', Math.round(sizeKb * 10) / 10, 'KB', '< 5 MB (aim ≤ 300 KB)', 'shared/domain/classification/model.json'));
  figures.push(
    figure('classifier model load (first)', Math.round(firstLoad * 10) / 10, 'ms', '< 200 ms', `read + JSON.parse + model, segmenter and rule tables; median of 5 later loads ${laterLoads[2]!.toFixed(1)} ms`),
  );

  const classifier = createModelClassifier({ model: new LinearModel(parseModelData(JSON.parse(readFileSync(MODEL_FILE, 'utf8')))) });
  const inputs = loadLabelled().map((e) => ({ content: e.text, channel: e.channel }));
  const cpuBefore = mainThreadCpuMs();
  const rate = measureRate(inputs, (input) => classifier.classify(input), minMs);
  const cpuMs = mainThreadCpuMs() - cpuBefore;
  const meanChars = inputs.reduce((n, i) => n + i.content.length, 0) / inputs.length;
  const load = loadavg()[0]!.toFixed(1);
  figures.push(
    figure(
      'classifications (model + rules)',
      Math.round(rate.opsPerSecond),
      'per s',
      '≥ 5,000 /s',
      `${inputs.length} labelled requests (mean ${meanChars.toFixed(0)} characters), one core, explanation included; wall clock, load average ${load} on ${cpus().length} cores`,
    ),
  );
  if (cpuMs > 0) {
    figures.push(
      figure(
        'classifications per CPU second',
        Math.round((rate.operations * 1000) / cpuMs),
        'per s',
        '≥ 5,000 /s',
        `the same run counted in the main thread's CPU time (/proc, 10 ms ticks): what one core does when it is not shared`,
      ),
    );
  }

  const bundle = await build({
    entryPoints: [join(ROOT, 'shared/domain/classification/hotline-classifier.ts')],
    bundle: true,
    minify: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'silent',
  });
  const bundleKb = bundle.outputFiles[0]!.contents.length / 1024;
  figures.push(figure('classifier bundled (minified)', Math.round(bundleKb), 'KB', null, 'hotline-classifier.ts with the model, rules and OpenCC tables, as esbuild bundles it into a Lambda'));
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchClassifier();
  for (const f of figures) console.log(`${f.name.padEnd(36)} ${String(f.value?.toLocaleString('en')).padStart(10)} ${f.unit.padEnd(6)} target ${f.target ?? '-'}\n    ${f.note ?? ''}`);
}
