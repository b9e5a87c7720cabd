// Entry point of `cdk synth` / `cdk deploy` (cdk.json runs `npx tsx infra/cdk/app.ts`).
import { buildApp } from './build-app.js';

const { app } = buildApp();
app.synth();
