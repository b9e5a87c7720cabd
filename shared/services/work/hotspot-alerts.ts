// GET /alerts/hotspots: the hot-spot alerts (未诉先办) of a street or of the district, for its supervisors:
// communities where many cases of one category came in within the window, the most cases first. Alerts
// whose window has passed are left out (the table's TTL removes them later).
import type { HotspotAlert, HotspotAlertStore } from '../../adapters/dynamo/hotspot-alert-store.js';
import { HOTSPOT_WINDOW_DAYS } from '../../domain/work/duplicates.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { maySeeUnit } from './list-tasks.js';
import { refuse, type Refusal } from './run-case-action.js';

const DAY_MS = 86_400_000;

export async function hotspotAlerts(deps: { hotspots: HotspotAlertStore; now: () => Date }, staff: StaffIdentity, unitCode: string | undefined): Promise<{ unit: string; windowDays: number; alerts: HotspotAlert[] } | Refusal> {
  const unit = unitCode ?? staff.unit.code;
  if (!maySeeUnit(staff, unit)) return refuse(403, 'not_your_unit', `you may see the alerts of ${staff.unit.code} and of the units below it`);
  const since = deps.now().getTime() - HOTSPOT_WINDOW_DAYS * DAY_MS;
  const alerts = (await deps.hotspots.of(unit)).filter((a) => Date.parse(a.lastCaseAt) >= since).sort((a, b) => b.count - a.count || (a.lastCaseAt < b.lastCaseAt ? 1 : -1));
  return { unit, windowDays: HOTSPOT_WINDOW_DAYS, alerts };
}
