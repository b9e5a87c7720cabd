// Why a case goes to a person instead of onward: the router's own reason, plus the confidence rule when it
// did name a unit but not surely enough.
import { AUTO_DISPATCH_CONFIDENCE } from '../domain/routing/text-router.js';

export function lowConfidenceReason(decision: { confidence: number; reason: string; street?: unknown; community?: unknown }): string {
  const named = decision.street ?? decision.community;
  if (!named) return decision.reason;
  return `${decision.reason}；置信度 ${decision.confidence.toFixed(2)} 低于自动派单阈值 ${AUTO_DISPATCH_CONFIDENCE}，转人工分拨`;
}
