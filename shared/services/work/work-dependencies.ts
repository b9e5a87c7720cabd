// What the working half's services need: the pipeline's dependencies, the case-work repository and the
// departments' call lists.
import type { CaseWorkRepository } from '../../adapters/dynamo/case-work-repository.js';
import type { SupportCallStore } from '../../adapters/dynamo/support-call-store.js';
import type { Dependencies } from '../dependencies.js';

export interface WorkDependencies extends Dependencies {
  work: CaseWorkRepository;
  /** departments' open calls for support, for their work lists */
  supportCalls: SupportCallStore;
}
