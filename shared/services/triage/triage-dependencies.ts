// What the triage and dispute services need: the pipeline's dependencies and the query for the cases that
// wait for a person's decision at a unit.
import type { AwaitingDecisionQuery } from '../../adapters/dynamo/awaiting-decision-query.js';
import type { Dependencies } from '../dependencies.js';

export type TriageDependencies = Dependencies & { awaiting: Pick<AwaitingDecisionQuery, 'casesAwaiting'> };
