// The Open311 functions read the SHA-256 hashes of the partner API keys (shared/services/open311/api-keys.ts)
// from an SSM String parameter, resolved by CloudFormation at deploy: rotate a key by updating the parameter
// and deploying again. The parameter must exist before the first deploy (docs/operations.md).
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { OPEN311_API_KEY_HASHES } from '../../shared/services/open311/api-keys.js';

export const OPEN311_KEYS_PARAMETER = '/hotline12345/open311/api-key-hashes';
/** the functions that check an api_key */
export const OPEN311_KEYED_FUNCTIONS = ['open311-read', 'open311-request', 'open311-post'] as const;

export class Open311Keys extends Construct {
  constructor(scope: Construct, id: string, props: { functions: { get(id: string): NodejsFunction } }) {
    super(scope, id);
    const hashes = StringParameter.valueForStringParameter(this, OPEN311_KEYS_PARAMETER);
    for (const fn of OPEN311_KEYED_FUNCTIONS) props.functions.get(fn).addEnvironment(OPEN311_API_KEY_HASHES, hashes);
  }
}
