// The function bundles exactly as the CDK app builds them: a throwaway stack holds one NodejsFunction per
// function asked for, made with the same runtime, architecture and bundling options as the real stack
// (FUNCTION_* in infra/cdk/functions.ts), and is synthesized into a fresh directory, so CDK runs its own local
// esbuild command for each. Only the bundles are wanted: no table, queues, roles or checks, and in a smoke run
// only a few functions, which keeps this to seconds instead of the minute the whole stack takes.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { NodejsFunction, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FUNCTION_ARCHITECTURE, FUNCTION_BUNDLING, FUNCTION_NODE_OPTIONS, FUNCTION_RUNTIME } from '../../infra/cdk/functions.js';
import type { FunctionSpec } from '../../infra/topology.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface FunctionBundle {
  spec: FunctionSpec;
  /** the bundle Lambda loads */
  file: string;
  bytes: number;
  /** its source map (shipped beside it: NODE_OPTIONS has --enable-source-maps) */
  mapBytes: number;
  /** NODE_OPTIONS the function runs with on Lambda */
  nodeOptions: string[];
}

/** `bundling` other than the stack's is for experiments (what would a change do?); the suite uses the stack's. */
export function synthBundles(specs: readonly FunctionSpec[], outdir: string, bundling: BundlingOptions = FUNCTION_BUNDLING): FunctionBundle[] {
  const app = new App({ outdir });
  const stack = new Stack(app, 'BenchBundles');
  const functions = specs.map(
    (spec) =>
      [
        spec,
        new NodejsFunction(stack, spec.id, {
          entry: `${REPO_ROOT}functions/${spec.id}/handler.ts`,
          handler: 'handler',
          projectRoot: REPO_ROOT,
          depsLockFilePath: `${REPO_ROOT}package-lock.json`,
          runtime: FUNCTION_RUNTIME,
          architecture: FUNCTION_ARCHITECTURE,
          environment: { NODE_OPTIONS: FUNCTION_NODE_OPTIONS },
          bundling,
        }),
      ] as const,
  );
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template as {
    Resources: Record<string, { Properties: { Code?: { S3Key?: string } } }>;
  };
  return functions.map(([spec, fn]) => {
    const key = template.Resources[stack.getLogicalId(fn.node.defaultChild as CfnElement)]?.Properties.Code?.S3Key;
    if (!key) throw new Error(`no code asset for ${spec.id}`);
    const file = join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
    let mapBytes = 0;
    try {
      mapBytes = statSync(`${file}.map`).size;
    } catch {
      // no source map
    }
    return { spec, file, bytes: statSync(file).size, mapBytes, nodeOptions: FUNCTION_NODE_OPTIONS.split(/\s+/).filter(Boolean) };
  });
}
