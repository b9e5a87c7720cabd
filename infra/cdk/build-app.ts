// Builds the CDK app exactly as `cdk synth` sees it: the feature flags from cdk.json, the Hotline12345 stack
// and the cdk-nag AwsSolutions checks. Used by app.ts and by the tests, so both check the same thing.
import { readFileSync } from 'node:fs';
import { App, Tags, Validations, type AppProps, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { HotlineStack } from './hotline-stack.js';

export const STACK_NAME = 'Hotline12345';

/** The `context` block of cdk.json (feature flags). The CLI passes it to the app itself; tests get it here. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

/** The target account and region when the CLI knows them; otherwise the stack is environment-agnostic. */
export function envFromCli(): Environment | undefined {
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = process.env.CDK_DEFAULT_REGION;
  return account && region ? { account, region } : undefined;
}

export function buildApp(props: AppProps = {}): { app: App; stack: HotlineStack } {
  const app = new App({ ...props, context: { ...cdkJsonContext(), ...props.context } });
  const env = envFromCli();
  const stack = new HotlineStack(app, STACK_NAME, env ? { env } : {});
  Tags.of(app).add('project', 'hotline12345');
  // cdk-nag 3 runs as a policy-validation plugin at synthesis (it replaced v2's Aspect): any finding that is
  // not acknowledged with Validations.of(construct).acknowledge(...) fails the synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}
