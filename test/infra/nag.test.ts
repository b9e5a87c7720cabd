// cdk-nag: the app built exactly as app.ts builds it (AwsSolutionsChecks registered, as cdk-nag 3 does, as a
// policy-validation plugin) synthesizes with no unacknowledged finding of any level, no CDK error or warning
// annotation is left, and every acknowledgement still matches a real finding (none is stale).
import { Validations, type Acknowledgment } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../infra/cdk/build-app.js';

// Bundling every function and CDK's built-in CloudFormation validation (a WASM engine) take a while on 2 cores.
const SYNTH_TIMEOUT_MS = 240_000;

let built: ReturnType<typeof buildApp>;
let synthError: unknown;

beforeAll(() => {
  built = buildApp();
  try {
    // A finding of any level makes a validation plugin fail, and synth throws with the report.
    built.app.synth();
  } catch (error) {
    synthError = error;
  }
}, SYNTH_TIMEOUT_MS);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cdk-nag AwsSolutions', () => {
  it('synthesizes with zero unacknowledged findings (errors and warnings)', () => {
    const { app, stack } = built;
    expect(synthError).toBeUndefined();
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
    expect(report.violations).toEqual([]);
    expect(report.success).toBe(true);

    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    // …and no other CDK error or warning either (deprecations, misconfigurations).
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('acknowledges only findings that exist, each on the construct that has it', () => {
    // Build again with acknowledge() recording instead of acknowledging, so every finding shows.
    const acknowledged: Array<{ path: string; id: string; reason: string }> = [];
    vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (this: Validations, ...rules: Acknowledgment[]) {
      const path = (this as unknown as { scope: { node: { path: string } } }).scope.node.path;
      for (const r of rules) acknowledged.push({ path, id: r.id, reason: r.reason });
    });
    // Bundling is skipped here: only the construct tree matters, and it does not depend on the code.
    const { app } = buildApp({ context: { 'aws:cdk:bundling-stacks': [] } });
    const report = new AwsSolutionsChecks(undefined).validateScope(app);

    const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => ({ id: v.ruleName, path: r.constructPath ?? '' })));
    expect(findings.length).toBeGreaterThan(0);
    for (const ack of acknowledged) {
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThan(40);
      const covered = findings.filter((f) => f.id === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`)));
      expect(covered.length, `stale acknowledgement ${ack.id} on ${ack.path}`).toBeGreaterThan(0);
    }
    // No acknowledgement at stack or app level: each sits on a function, a role or a route.
    for (const ack of acknowledged) expect(ack.path.split('/').length, ack.path).toBeGreaterThanOrEqual(3);
  });
});
