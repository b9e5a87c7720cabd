// Our categories (分类, classification/categories.ts) as Open311 GeoReport v2 services. A service_code is the
// category code with "." for "/" ("urban-management.sanitation"), so that it fits in one URL path segment;
// the Chinese names are the service name and group, and the department that owns the category is named in
// the description. No service asks for extra attributes (metadata false); every service is realtime (a
// service_request_id comes back at once).
import { CATEGORIES, findCategory, FALLBACK_CATEGORY_CODE, type CategoryDef } from '../classification/categories.js';
import { findDepartment } from '../departments.js';

export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
};

export function serviceCodeOf(categoryCode: string): string {
  return categoryCode.replaceAll('/', '.');
}

export function categoryOfServiceCode(serviceCode: string): CategoryDef | undefined {
  return findCategory(serviceCode.replaceAll('.', '/'));
}

export function serviceNameOf(def: { path: readonly string[] }): string {
  return def.path.join('/');
}

export function toService(def: CategoryDef): Open311Service {
  const department = findDepartment(def.department);
  return {
    service_code: serviceCodeOf(def.code),
    service_name: serviceNameOf(def),
    description: `${def.path[0]}：${def.path[1]}（主办部门：${department?.name ?? def.department}）`,
    metadata: false,
    type: 'realtime',
    keywords: [...def.path, department?.shortName].filter(Boolean).join(', '),
    group: def.path[0],
  };
}

/** Every category a request can be filed under (the fallback "unclassified" is the classifier's, not a service). */
export function open311Services(): Open311Service[] {
  return CATEGORIES.filter((c) => c.code !== FALLBACK_CATEGORY_CODE).map((c) => toService(c));
}

/** GET /services/{code}: the service's definition; no service has attributes. */
export function serviceDefinition(def: CategoryDef): { service_code: string; attributes: never[] } {
  return { service_code: serviceCodeOf(def.code), attributes: [] };
}
