// Why a case goes to a person instead of onward: the router's own reason, plus the confidence rule when it
// did name a unit but not surely enough.
export function lowConfidenceReason(decision: { confidence: number; reason: string; street?: unknown; community?: unknown }, threshold: number): string {
  const named = decision.street ?? decision.community;
  if (!named) return decision.reason;
  return `${decision.reason}；置信度 ${decision.confidence.toFixed(2)} 低于自动派单阈值 ${threshold}，转人工分拨`;
}
