// The public HTTP API (API Gateway v2): one route per http-triggered FunctionSpec, a $default stage with
// throttling and JSON access logs. No CORS: there is no browser client yet.
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HotlineFunctions } from './functions.js';
import type { StaffDirectory } from './staff-directory.js';

/** Steady-state requests per second and burst for every route of the stage. */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

export interface HotlineHttpApiProps {
  readonly functions: HotlineFunctions;
  /** the JWT authorizer of routes marked auth: 'staff' */
  readonly staff: StaffDirectory;
}

export class HotlineHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: HotlineHttpApiProps) {
    super(scope, id);

    this.api = new HttpApi(this, 'Api', {
      description: 'hotline12345: citizens file cases and follow them',
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            sourceIp: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    for (const { spec, fn } of props.functions.specs) {
      if (spec.trigger.kind !== 'http') continue;
      const [route] = this.api.addRoutes({
        path: spec.trigger.path,
        methods: [HttpMethod[spec.trigger.method]],
        integration: new HttpLambdaIntegration(`${spec.id}Integration`, fn),
        ...(spec.trigger.auth === 'staff' ? { authorizer: props.staff.authorizer } : {}),
      });
      if (!route) throw new Error(`no route made for ${spec.id}`);
      if (spec.trigger.auth === 'staff') continue;
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: publicRouteReason(spec.id),
      });
    }
  }

  /** The invoke URL of the $default stage. */
  get url(): string {
    return this.stage.url;
  }
}

/** Why a route has no authorizer: each public route checks what it needs itself, or serves public content. */
function publicRouteReason(functionId: string): string {
  if (functionId.startsWith('dashboard')) {
    return "The dashboard page and its script files are public static content (the API's copy redirects to " +
      'CloudFront); every figure it shows comes from /sla/* routes, which need a staff JWT.';
  }
  if (functionId.startsWith('open311')) {
    return 'Open311 GeoReport v2 authenticates partner systems with its own api_key parameter, which the ' +
      'function checks against hashed keys in SSM; a JWT authorizer would break the standard.';
  }
  if (functionId === 'intake') {
    return 'The intake API is public by design: citizens file cases without accounts (abuse is bounded by ' +
      'stage throttling, the per-caller rate limit and the Idempotency-Key).';
  }
  return 'Citizens have no accounts: the function acts only for the holder of the per-case tracking token ' +
    '(reading a case or its timeline, answering its follow-up).';
}
