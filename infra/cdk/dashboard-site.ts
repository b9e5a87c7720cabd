// The supervisors' dashboard on AWS: its files (dashboard/ and ECharts) in a private S3 bucket behind
// CloudFront (Origin Access Control), and the supervisor API (/sla/*) behind the same distribution, so the
// page calls its API on its own origin (no CORS) with the staff's bearer token. The API's own /dashboard
// routes redirect here (DASHBOARD_URL).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { DASHBOARD_CSP } from '../../shared/services/dashboard-assets.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DashboardSiteProps {
  readonly api: HttpApi;
}

export class DashboardSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>/ : the dashboard's address */
  readonly url: string;

  constructor(scope: Construct, id: string, props: DashboardSiteProps) {
    super(scope, id);
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(180) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    // The API answers with no-store; CloudFront must still see Authorization in the cache key to pass it on.
    const apiCache = new CachePolicy(this, 'ApiPassThrough', {
      comment: 'hotline12345 supervisor API: pass Authorization and the query on, keep nothing',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
    });
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'hotline12345 dashboard: CSP and the usual security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: DASHBOARD_CSP, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'hotline12345 supervisors dashboard',
      defaultRootObject: 'dashboard/index.html',
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
      },
      additionalBehaviors: {
        '/sla/*': {
          origin: new HttpOrigin(apiDomain),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
          cachePolicy: apiCache,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Supervisors may travel or work remotely; access is controlled by staff sign-in (Cognito JWT on every API call), not by country.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'The distribution serves a few static files and forwards /sla/* to an API that verifies a staff JWT and is throttled per stage; a WAF web ACL is a cost to add when abuse is seen, not a need of the design.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The distribution uses the default *.cloudfront.net certificate, for which CloudFront cannot pin a minimum TLS version; a custom domain with its own certificate (TLSv1.2_2021) is a deployment choice documented in docs/deploy.md.',
      },
    );

    const deployment = new BucketDeployment(this, 'Upload', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'dashboard/',
      sources: [
        Source.asset(`${REPO_ROOT}dashboard`),
        Source.data('echarts.min.js', readFileSync(`${REPO_ROOT}node_modules/echarts/dist/echarts.min.js`, 'utf8')),
      ],
      distribution: this.distribution,
      distributionPaths: ['/dashboard/*'],
      memoryLimit: 256,
    });
    acknowledgeDeploymentHandler(this, deployment);
  }
}

/** BucketDeployment's upload function (one per stack, made by CDK) is CDK's own code; its findings are CDK's choices. */
function acknowledgeDeploymentHandler(scope: Construct, deployment: BucketDeployment): void {
  const stack = Stack.of(scope);
  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  const resource = handler?.node.tryFindChild('Resource');
  if (resource) {
    Validations.of(resource).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'The upload function is CDK’s BucketDeployment handler; its runtime is chosen and updated by aws-cdk-lib, not by this project.',
    });
  }
  Validations.of(deployment.handlerRole).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'CDK’s BucketDeployment handler logs through the AWS managed basic execution policy; it runs only at deployment.',
    },
    {
      id: 'AwsSolutions-IAM5[Action::s3:GetObject*]',
      reason: 'BucketDeployment reads the CDK asset objects it copies; CDK scopes the grant to the asset bucket.',
    },
    {
      id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      reason: 'BucketDeployment grants itself read on the CDK asset bucket and the dashboard bucket; CDK scopes it to those buckets.',
    },
    {
      id: 'AwsSolutions-IAM5[Action::s3:List*]',
      reason: 'BucketDeployment lists the dashboard bucket to delete files that are no longer in dashboard/.',
    },
    {
      id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      reason: 'BucketDeployment removes files of an older dashboard version from the dashboard bucket only.',
    },
    {
      id: 'AwsSolutions-IAM5[Action::s3:Abort*]',
      reason: 'BucketDeployment aborts its own failed multipart uploads to the dashboard bucket only.',
    },
    {
      id: 'AwsSolutions-IAM5[Resource::<DashboardFilesFF9B60FA.Arn>/*]',
      reason: 'BucketDeployment writes and prunes the dashboard files: every object of the dashboard bucket, and no other bucket.',
    },
    {
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      reason: 'BucketDeployment reads the zipped dashboard files from the CDK bootstrap asset bucket it was deployed from.',
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'cloudfront:CreateInvalidation and GetInvalidation do not support resource-level permissions; the handler invalidates /dashboard/* after an upload.',
    },
  );
}
