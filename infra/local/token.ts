// `npm run token -- --unit <code> --level <level> --role <role> [--staff <id>] [--hours <n>]`
// Prints a staff token that the local runtime (`npm start`, data in .data/) accepts as a Bearer token.
import { parseArgs } from 'node:util';
import { STAFF_LEVELS, STAFF_ROLES, type StaffLevel, type StaffRole } from '../../shared/security/staff-identity.js';
import { loadOrCreateStaffSecret } from './auth/secret-file.js';
import { signLocalStaffToken } from './auth/staff-token.js';

const usage = `usage: npm run token -- --unit <unit code> --level <${STAFF_LEVELS.join('|')}> --role <${STAFF_ROLES.join('|')}> [--staff <account id>] [--hours <n>]`;

const { values } = parseArgs({
  options: {
    unit: { type: 'string' },
    level: { type: 'string' },
    role: { type: 'string' },
    staff: { type: 'string' },
    hours: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const level = values.level as StaffLevel | undefined;
const role = values.role as StaffRole | undefined;
if (!values.unit) fail('--unit is missing');
if (!level || !STAFF_LEVELS.includes(level)) fail(`--level must be one of ${STAFF_LEVELS.join(', ')}`);
if (!role || !STAFF_ROLES.includes(role)) fail(`--role must be one of ${STAFF_ROLES.join(', ')}`);
const hours = values.hours === undefined ? 12 : Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) fail('--hours must be a number of hours between 0 and 720');

const token = await signLocalStaffToken(
  { staffId: values.staff ?? `local-${role}-${values.unit}`, unitCode: values.unit, level, role, ttlSeconds: Math.round(hours * 3600) },
  loadOrCreateStaffSecret('.data'),
);
console.log(token);
