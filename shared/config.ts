// Environment variable names the functions read, and a reader that fails clearly when one is missing.
export const ENV = {
  table: 'TABLE_NAME',
  districtQueueUrl: 'DISTRICT_QUEUE_URL',
  streetQueueUrl: 'STREET_QUEUE_URL',
  gridQueueUrl: 'GRID_QUEUE_URL',
  /** JSON object: department code → queue URL */
  departmentQueueUrls: 'DEPARTMENT_QUEUE_URLS',
} as const;

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}
