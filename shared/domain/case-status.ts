// The case's state machine: which status may follow which. Every write of a status checks this and the
// case's version, so a late or duplicate message can never move a case backwards.

export const CASE_STATUSES = [
  'received',
  'triage_district',
  'dispatched_to_street',
  'triage_street',
  'dispatched_to_grid',
  'dispatched_to_department',
  'assigned',
  'accepted',
  'returned',
  'disputed',
  'resolved',
  'closed',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What users see (the Chinese UI names). */
export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  received: '已受理',
  triage_district: '待区级人工分拨',
  dispatched_to_street: '已派至街镇',
  triage_street: '待街镇人工分拨',
  dispatched_to_grid: '已派至网格',
  dispatched_to_department: '已派至部门',
  assigned: '网格已接单',
  accepted: '已签收',
  returned: '已退单待重派',
  disputed: '争议工单待区级裁定',
  resolved: '已办结待回访',
  closed: '已结案',
  merged: '已合并',
};

// The routing half (received … assigned) is driven by the queues; the working half (accepted …
// merged) by the units' task actions, the follow-up and the supervisors. A return (退单) goes back to
// routing with the returning unit excluded; a second return makes the case a dispute for the district.
// Any case still being routed or worked may be merged into another (a duplicate found after dispatch);
// a hop message that arrives for a merged case finds nothing to do.
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['dispatched_to_street', 'dispatched_to_department', 'triage_district', 'merged'],
  triage_district: ['dispatched_to_street', 'dispatched_to_department', 'merged'],
  dispatched_to_street: ['dispatched_to_grid', 'triage_street', 'merged'],
  triage_street: ['dispatched_to_grid', 'returned', 'merged'],
  dispatched_to_grid: ['assigned', 'merged'],
  dispatched_to_department: ['accepted', 'returned', 'merged'],
  assigned: ['accepted', 'returned', 'merged'],
  accepted: ['resolved', 'returned', 'merged'],
  returned: ['dispatched_to_street', 'dispatched_to_department', 'triage_district', 'triage_street', 'disputed'],
  disputed: ['dispatched_to_street', 'dispatched_to_department'],
  resolved: ['closed', 'accepted'],
  closed: [],
  merged: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}
