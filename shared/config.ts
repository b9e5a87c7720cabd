// Environment variable names the functions read, and a reader that fails clearly when one is missing.
export const ENV = {
  table: 'TABLE_NAME',
  districtQueueUrl: 'DISTRICT_QUEUE_URL',
  streetQueueUrl: 'STREET_QUEUE_URL',
  gridQueueUrl: 'GRID_QUEUE_URL',
  /** JSON object: department code → queue URL */
  departmentQueueUrls: 'DEPARTMENT_QUEUE_URLS',
  /** seconds a case may sit in transit before the stall sweep re-sends its hop (default 300) */
  stallAfterSeconds: 'STALL_AFTER_SECONDS',
  /** days a case keeps its caller's personal data after intake once closed (default 365; docs/reliability.md) */
  personalDataRetentionDays: 'PERSONAL_DATA_RETENTION_DAYS',
  /** extra days an open case may keep it while still being worked (default 180) */
  personalDataOpenGraceDays: 'PERSONAL_DATA_OPEN_GRACE_DAYS',
  /** cases one caller (by phone) may file per hour on intake; 0 turns the limit off (default 20) */
  intakeRateLimitPerPhone: 'INTAKE_RATE_LIMIT_PER_PHONE',
  /** requests per minute one source IP may make on intake; 0 (the default) turns it off */
  intakeRateLimitPerIp: 'INTAKE_RATE_LIMIT_PER_IP',
  /** local runtime only (`npm start -- --clock-speed N`): how many times faster simulated time runs (shared/clock.ts) */
  clockSpeed: 'CLOCK_SPEED',
  /** local runtime only: the simulated time (ISO) when the simulated clock started */
  clockOrigin: 'CLOCK_ORIGIN',
  /** local runtime only: the real time (epoch ms) when the simulated clock started */
  clockRealStart: 'CLOCK_REAL_START',
} as const;

/** The stall time every function must agree on: writers index cases by it, the sweep acts on it. */
export function stallAfterMs(): number {
  const raw = process.env[ENV.stallAfterSeconds];
  const seconds = raw === undefined || raw === '' ? 300 : Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`${ENV.stallAfterSeconds} must be a number of seconds, got "${raw}"`);
  return seconds * 1000;
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}
