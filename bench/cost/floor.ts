// The fewest DynamoDB writes the design allows one case from intake to its grid, for comparison with what
// it does. The design's one rule that cannot be bargained away: every state change is its own conditional
// write of the case item (no transactions), so a case that is created and moves district → street → grid →
// assigned needs at least one write per state it takes. Everything else (the case number counter, timeline
// event items, day counters, the counted-event ledger) is a choice that could be folded into those writes
// or done later.
export const STATES_TO_GRID = ['received', 'dispatched_to_street', 'dispatched_to_grid', 'assigned'] as const;

export const FLOOR_WRITES_PER_CASE = STATES_TO_GRID.length;

export const FLOOR_EXPLANATION =
  `floor ${FLOOR_WRITES_PER_CASE}: one conditional write of the case item per state it takes (${STATES_TO_GRID.join(' → ')}); ` +
  'the timeline, the case number counter, the day figures and the ledger could ride on those writes (e.g. events appended to a list on the case item, figures counted from a stream)';
