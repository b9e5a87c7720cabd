// Where a case of a category goes (see RoutingRule in categories.ts): down the grid or straight to the department.
import type { Channel, RequestType } from '../case.js';
import type { CategoryDef } from './categories.js';

export function resolveRoute(def: Pick<CategoryDef, 'routing'>, channel: Channel, requestType: RequestType): 'grid' | 'department' {
  if (def.routing === 'grid') return 'grid';
  if (def.routing === 'department') return 'department';
  return channel === 'enterprise' || requestType === 'consultation' ? 'department' : 'grid';
}

/** The route's reason, in Chinese, as the timeline shows it. */
export function routeReason(def: Pick<CategoryDef, 'routing'>, route: 'grid' | 'department', channel: Channel): string {
  if (def.routing === 'grid') return '属地事项 → 派网格';
  if (def.routing === 'department') return '部门职责事项 → 直派部门';
  if (route === 'grid') return '需属地核实 → 派网格';
  return channel === 'enterprise' ? '企业服务专席 → 直派部门' : '咨询类 → 直派部门';
}
