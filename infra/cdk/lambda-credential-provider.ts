// What the function bundles use in place of @aws-sdk/credential-provider-node (an esbuild alias set in
// FUNCTION_BUNDLING, infra/cdk/functions.ts). On Lambda the execution role's credentials are always in the
// environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is where the SDK's default
// chain looks first; the rest of that chain (profiles and SSO, which bring STS and SSO clients with them,
// container and instance metadata, web identity) can never be reached there and was 135 KB of every bundle.
// Only bundles use this: the local runtime and the tests run the source with the SDK's own default chain.
import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: FromEnvInit) => fromEnv(init);
