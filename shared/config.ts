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
