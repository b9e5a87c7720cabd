// A staff member's correction of a classification (人工更正分类), and how it becomes training data.
//
// POST /cases/{caseId}/classification takes the request below. The case's classification is replaced (the
// person's word is final: confidence 1, no triage flag) and a correction record is stored for training. The
// record keeps the request text with phone and ID numbers masked, so no personal data enters the training
// set; `npm run classifier:export-corrections` turns records into rows of the labelled-set format.
import * as z from 'zod';
import { beijingDate } from '../beijing-time.js';
import {
  REQUEST_TYPE_NAMES,
  REQUEST_TYPES,
  URGENCIES,
  URGENCY_NAMES,
  type Channel,
  type Classification,
  type RequestType,
  type Urgency,
} from '../case.js';
import { departmentRef, findDepartment, type DepartmentCode } from '../departments.js';
import { redactPersonalData } from '../../security/mask.js';
import { findCategory, toCategory } from './categories.js';
import { resolveRoute } from './route-for-category.js';
import { formatLabelledRow } from './training/labelled-set.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** POST /cases/{caseId}/classification: at least one of the four labels; unknown fields are refused. */
export const classificationCorrectionRequest = z
  .object({
    categoryCode: z.string().refine((c) => findCategory(c) !== undefined, { message: 'not a category code' }).optional(),
    requestType: z.enum(REQUEST_TYPES).optional(),
    urgency: z.enum(URGENCIES).optional(),
    departmentCode: z.string().refine((c) => findDepartment(c) !== undefined, { message: 'not a department code' }).optional(),
    note: z
      .string()
      .max(500, { message: 'at most 500 characters' })
      .refine((s) => !CONTROL_CHARS.test(s), { message: 'contains control characters' })
      .transform((s) => s.trim())
      .optional(),
  })
  .strict()
  .refine((b) => b.categoryCode !== undefined || b.requestType !== undefined || b.urgency !== undefined || b.departmentCode !== undefined, {
    message: 'give at least one of categoryCode, requestType, urgency, departmentCode',
    path: ['categoryCode'],
  });
export type ClassificationCorrectionRequest = z.infer<typeof classificationCorrectionRequest>;

/** The four labels a correction is about. */
export interface CorrectionLabels {
  category: string;
  requestType: RequestType;
  urgency: Urgency;
  department: string;
}

/** What is stored for training: one per correction. */
export interface ClassificationCorrection {
  caseId: string;
  /** the seq of the case's 'reclassified' event: with caseId, names the correction */
  seq: number;
  correctedAt: string;
  /** the staff account id (never a name) and its unit */
  correctedBy: string;
  staffUnit: string;
  channel: Channel;
  /** the request text, phone and ID numbers masked */
  text: string;
  before: CorrectionLabels & { confidence: number; classifier?: string };
  after: CorrectionLabels;
  note?: string;
}

export function labelsOf(c: Classification): CorrectionLabels {
  return { category: c.category.code, requestType: c.requestType, urgency: c.urgency, department: c.department.code };
}

/**
 * The classification after the correction, or undefined when the correction changes nothing. A new category
 * brings its own department unless a department is given; a department that is not the category's own sends
 * the case straight to that department.
 */
export function correctedClassification(
  current: Classification,
  body: ClassificationCorrectionRequest,
  channel: Channel,
  staff: { id: string; at: string },
): Classification | undefined {
  const def = findCategory(body.categoryCode ?? current.category.code);
  if (!def) throw new Error(`unknown category ${body.categoryCode ?? current.category.code}`);
  const categoryChanged = def.code !== current.category.code;
  const requestType = body.requestType ?? current.requestType;
  const urgency = body.urgency ?? current.urgency;
  const departmentCode = (body.departmentCode ?? (categoryChanged ? def.department : current.department.code)) as DepartmentCode;
  const before = labelsOf(current);
  const after: CorrectionLabels = { category: def.code, requestType, urgency, department: departmentCode };
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const routeTo = departmentCode === def.department ? resolveRoute(def, channel, requestType) : 'department';
  return {
    category: toCategory(def),
    requestType,
    urgency,
    department: departmentRef(departmentCode),
    routeTo,
    confidence: 1,
    reason: correctionReason(before, after),
    manualTriage: false,
    classifier: 'staff',
    correction: {
      by: staff.id,
      at: staff.at,
      before: { ...before, confidence: current.confidence, ...(current.classifier ? { classifier: current.classifier } : {}) },
    },
  };
}

/** What changed, in Chinese, e.g. 人工更正：城市管理/市容环境卫生 → 环境保护/噪声污染；一般 → 紧急 */
export function correctionReason(before: CorrectionLabels, after: CorrectionLabels, note?: string): string {
  const parts: string[] = [];
  const path = (code: string) => findCategory(code)?.path.join('/') ?? code;
  const dept = (code: string) => findDepartment(code)?.name ?? code;
  if (before.category !== after.category) parts.push(`${path(before.category)} → ${path(after.category)}`);
  if (before.requestType !== after.requestType) parts.push(`${REQUEST_TYPE_NAMES[before.requestType]} → ${REQUEST_TYPE_NAMES[after.requestType]}`);
  if (before.urgency !== after.urgency) parts.push(`${URGENCY_NAMES[before.urgency]} → ${URGENCY_NAMES[after.urgency]}`);
  if (before.department !== after.department) parts.push(`${dept(before.department)} → ${dept(after.department)}`);
  const text = `人工更正：${parts.join('；') || '无变化'}`;
  return note ? `${text}。说明：${redactPersonalData(note)}` : text;
}

/** The training record of a corrected case (its classification carries the correction), or undefined if none. */
export function correctionRecord(input: {
  caseId: string;
  /** the seq of the 'reclassified' event */
  seq: number;
  staffUnit: string;
  channel: Channel;
  content: string;
  classification: Classification;
  note?: string;
}): ClassificationCorrection | undefined {
  const { correction } = input.classification;
  if (!correction) return undefined;
  return {
    caseId: input.caseId,
    seq: input.seq,
    correctedAt: correction.at,
    correctedBy: correction.by,
    staffUnit: input.staffUnit,
    channel: input.channel,
    text: redactPersonalData(input.content),
    before: correction.before,
    after: labelsOf(input.classification),
    ...(input.note ? { note: redactPersonalData(input.note) } : {}),
  };
}

/** The Beijing month (yyyy-mm) a correction is filed under. */
export function correctionMonth(correctedAt: string): string {
  return beijingDate(new Date(correctedAt)).slice(0, 7);
}

/**
 * Corrections as a labelled-set file (data/classification/README.md), grouped by category, the latest
 * correction of a case winning. A row whose department was set apart from its category's own department is
 * marked with a comment: its category label may need a look before it trains the model.
 */
export function correctionsAsLabelledFile(corrections: readonly ClassificationCorrection[], generatedAt: string): string {
  const latest = new Map<string, ClassificationCorrection>();
  for (const c of [...corrections].sort((a, b) => a.correctedAt.localeCompare(b.correctedAt) || a.seq - b.seq)) latest.set(c.caseId, c);
  const byCategory = new Map<string, ClassificationCorrection[]>();
  for (const c of latest.values()) {
    const list = byCategory.get(c.after.category) ?? [];
    list.push(c);
    byCategory.set(c.after.category, list);
  }
  const lines = [
    `# Staff corrections exported ${generatedAt}: ${latest.size} requests (the latest correction of each case).`,
    '# Phone and ID numbers are masked. Review, then move rows into the labelled set and run npm run classifier:train.',
  ];
  for (const category of [...byCategory.keys()].sort()) {
    lines.push('', `## ${category}`);
    for (const c of byCategory.get(category)!) {
      const own = findCategory(category)?.department;
      const flag = own && own !== c.after.department ? `  # ${c.caseId}: department set to ${c.after.department}, not the category's ${own}` : `  # ${c.caseId}`;
      lines.push(`${formatLabelledRow({ requestType: c.after.requestType, urgency: c.after.urgency, channel: c.channel, text: redactPersonalData(c.text) })}`);
      lines.push(flag.trimStart());
    }
  }
  return lines.join('\n') + '\n';
}
