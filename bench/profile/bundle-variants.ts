// Compares ways of bundling the same functions, for decisions about infra/cdk/functions.ts: each variant is
// built with esbuild's API using the arguments CDK's local bundling passes for FUNCTION_BUNDLING (bundle,
// target, platform, format, minify, source map without sources, banner, main fields, charset), changed as the
// variant says, then imported in fresh processes, variants taken in turn round by round.
//   npx tsx bench/profile/bundle-variants.ts [functions] [rounds] [variants]
//   e.g. npx tsx bench/profile/bundle-variants.ts intake,get-case 7 before,now,sdk-external
// Variants: now (FUNCTION_BUNDLING as it is), ascii (Chinese text as \u escapes, esbuild's default), sdk-external
// (@aws-sdk/* and @smithy/* left to the runtime), no-source-maps (and no --enable-source-maps), zod-named
// (every `import * as z from 'zod'` read as `import { z } from 'zod'`, the style that defeats tree-shaking),
// default-credentials (the SDK's whole default credential chain rather than the environment provider),
// before (ascii + zod-named + default-credentials: the bundling and sources before the cold-start work).
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { FUNCTION_BUNDLING, FUNCTION_NODE_OPTIONS } from '../../infra/cdk/functions.js';
import { FUNCTIONS } from '../../infra/topology.js';
import { measureImports } from '../cold-start/measure-imports.js';
import type { FunctionBundle } from '../cold-start/synth-bundles.js';
import { median } from '../stats.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Variant {
  charset: 'utf8' | 'ascii';
  /** esbuild aliases (FUNCTION_BUNDLING's --alias) */
  alias: Record<string, string>;
  external: string[];
  sourceMaps: boolean;
  zodNamed: boolean;
}

function aliasesOf(arg: unknown): Record<string, string> {
  const entries = (Array.isArray(arg) ? arg : arg ? [arg] : []) as string[];
  return Object.fromEntries(entries.map((entry) => entry.split('=') as [string, string]).map(([from, to]) => [from, to.startsWith('./') ? `${REPO}${to.slice(2)}` : to]));
}

const NOW: Variant = { charset: FUNCTION_BUNDLING.esbuildArgs?.['--charset'] === 'utf8' ? 'utf8' : 'ascii', alias: aliasesOf(FUNCTION_BUNDLING.esbuildArgs?.['--alias']), external: [...(FUNCTION_BUNDLING.externalModules ?? [])], sourceMaps: true, zodNamed: false };
const VARIANTS: Record<string, Variant> = {
  now: NOW,
  ascii: { ...NOW, charset: 'ascii' },
  'sdk-external': { ...NOW, external: ['@aws-sdk/*', '@smithy/*'] },
  'no-source-maps': { ...NOW, sourceMaps: false },
  'default-credentials': { ...NOW, alias: {} },
  'zod-named': { ...NOW, zodNamed: true },
  before: { ...NOW, charset: 'ascii', alias: {}, zodNamed: true },
};

/** Reads the project's own sources with `import * as z from 'zod'` turned back into `import { z } from 'zod'`. */
const zodNamedImports: Plugin = {
  name: 'zod-named-imports',
  setup(b) {
    b.onLoad({ filter: /\/(shared|functions)\/.*\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll("import * as z from 'zod';", "import { z } from 'zod';"),
      loader: 'ts',
    }));
  },
};

async function bundle(id: string, variant: Variant, outdir: string): Promise<string> {
  const outfile = join(outdir, id, 'index.mjs');
  await build({
    entryPoints: [`${REPO}functions/${id}/handler.ts`],
    bundle: true,
    target: FUNCTION_BUNDLING.target ?? 'node22',
    platform: 'node',
    format: 'esm',
    outfile,
    minify: FUNCTION_BUNDLING.minify ?? false,
    sourcemap: variant.sourceMaps,
    sourcesContent: false,
    external: variant.external,
    banner: FUNCTION_BUNDLING.banner ? { js: FUNCTION_BUNDLING.banner } : {},
    mainFields: [...(FUNCTION_BUNDLING.mainFields ?? [])],
    charset: variant.charset,
    alias: variant.alias,
    plugins: variant.zodNamed ? [zodNamedImports] : [],
    logLevel: 'error',
  });
  return outfile;
}

const [idsArg = 'intake,get-case,dispatch-district,assign-grid', roundsArg = '7', variantsArg = 'before,now'] = process.argv.slice(2);
const ids = idsArg.split(',');
const names = variantsArg.split(',');
for (const name of names) if (!VARIANTS[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
const outdir = mkdtempSync(join(tmpdir(), 'hotline-bundle-variants-'));
symlinkSync(join(REPO, 'node_modules'), join(outdir, 'node_modules'), 'dir');
try {
  const built: Array<{ name: string; bundles: FunctionBundle[] }> = [];
  for (const name of names) {
    const variant = VARIANTS[name]!;
    const bundles: FunctionBundle[] = [];
    for (const id of ids) {
      const spec = FUNCTIONS.find((f) => f.id === id);
      if (!spec) throw new Error(`no function ${id}`);
      const file = await bundle(id, variant, join(outdir, name));
      bundles.push({ spec, file, bytes: statSync(file).size, mapBytes: variant.sourceMaps ? statSync(`${file}.map`).size : 0, nodeOptions: variant.sourceMaps ? FUNCTION_NODE_OPTIONS.split(' ') : [] });
    }
    built.push({ name, bundles });
  }
  const env = { ...(process.env as Record<string, string>), POWERTOOLS_SERVICE_NAME: 'hotline12345', LOG_LEVEL: 'INFO', TABLE_NAME: 'unused' };
  const wall = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const loadBefore = loadavg()[0]!;
  for (let round = 0; round < Number(roundsArg); round++) {
    for (const { name, bundles } of built) {
      for (const m of await measureImports(bundles, env, 1, { invoke: false })) {
        const key = `${name}|${m.bundle.spec.id}`;
        wall.set(key, [...(wall.get(key) ?? []), ...m.importMs]);
        if (m.medianImportCpuMs !== null) cpu.set(key, [...(cpu.get(key) ?? []), m.medianImportCpuMs]);
        if (m.problem) console.error(`${name} ${m.bundle.spec.id}: ${m.problem}`);
      }
    }
  }
  console.log(`load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}; medians of ${roundsArg} rounds`);
  console.log(['variant', 'function', 'bundle KB', 'import ms', 'import CPU ms'].join('\t'));
  for (const { name, bundles } of built) {
    for (const b of bundles) {
      const key = `${name}|${b.spec.id}`;
      console.log([name, b.spec.id, Math.round(b.bytes / 1024), Math.round(median(wall.get(key) ?? [NaN])), Math.round(median(cpu.get(key) ?? [NaN]))].join('\t'));
    }
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
