// An Open311 client picks the service (our category) itself. Its request is classified as usual for what
// the text says of request type and urgency, but its category, department and route are the chosen ones.
// A "contextual" category goes straight to its department for a question (咨询) and down the grid otherwise
// (the rule of classification/categories.ts; Open311 requests never come on the enterprise line).
import type { CategoryDef } from '../classification/categories.js';
import { toCategory } from '../classification/categories.js';
import type { Classifier } from '../classification/classifier.js';
import { findDepartment } from '../departments.js';
import { serviceCodeOf } from './services.js';

export function withChosenCategory(base: Classifier, def: CategoryDef): Classifier {
  return {
    classify(input) {
      const text = base.classify(input);
      const department = findDepartment(def.department);
      const routeTo = def.routing === 'contextual' ? (text.requestType === 'consultation' ? 'department' : 'grid') : def.routing;
      return {
        ...text,
        category: toCategory(def),
        department: department ? { code: department.code, name: department.name } : text.department,
        routeTo,
        confidence: 1,
        reason: `Open311 service_code ${serviceCodeOf(def.code)} → ${def.path.join('/')}；${text.reason}`,
      };
    },
  };
}
