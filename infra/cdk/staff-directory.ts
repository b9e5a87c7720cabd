// Staff sign-in: a Cognito user pool whose ID tokens carry each account's unit, level and role as custom
// attributes, and the API's JWT authorizer that checks those tokens before any staff route's function runs.
// Accounts are made by administrators (no self sign-up); the local runtime signs tokens with the same claims.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  ClientAttributes,
  CustomThreatProtectionMode,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export class StaffDirectory extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly authorizer: HttpUserPoolAuthorizer;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new UserPool(this, 'Staff', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      customAttributes: {
        // unit code, tree level and role: read as custom:unit, custom:level, custom:role (shared/security/staff-identity.ts)
        unit: new StringAttribute({ minLen: 1, maxLen: 40, mutable: true }),
        level: new StringAttribute({ minLen: 4, maxLen: 10, mutable: true }),
        role: new StringAttribute({ minLen: 5, maxLen: 10, mutable: true }),
      },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      // Plus: threat protection blocks risky sign-ins and leaked passwords; a few hundred staff cost little
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customThreatProtectionMode: CustomThreatProtectionMode.FULL_FUNCTION,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.NONE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient('Console', {
      authFlows: { userSrp: true },
      generateSecret: false,
      idTokenValidity: Duration.hours(12),
      accessTokenValidity: Duration.hours(12),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
      // staff may change their e-mail address, never their own unit, level or role
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
    });

    // A JWT authorizer with issuer https://cognito-idp.<region>.amazonaws.com/<pool id> and the client as audience.
    this.authorizer = new HttpUserPoolAuthorizer('StaffJwt', this.userPool, {
      userPoolClients: [this.client],
      identitySource: ['$request.header.Authorization'],
    });
  }
}
