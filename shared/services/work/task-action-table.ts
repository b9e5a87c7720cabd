// POST /tasks/{caseId}/{action}: each action's request schema and the service that applies it.
import type { z } from 'zod';
import {
  acceptRequest,
  contactRequest,
  extensionRequest,
  noteRequest,
  resolveRequest,
  returnRequest,
  supportCallRequest,
} from '../../domain/work/task-requests.js';
import type { TaskAction } from '../../domain/work/task-rules.js';
import { acceptTask, addProgressNote, recordContact, type StaffRequest } from './accept-contact-note.js';
import { requestExtension } from './extensions.js';
import { showResolutionOnMergedCases } from './merge-cases.js';
import { resolveTask, returnTask } from './resolve-and-return.js';
import type { ActionOutcome } from './run-case-action.js';
import { callForSupport } from './support-calls.js';
import type { WorkDependencies } from './work-dependencies.js';

interface TaskActionEntry<S extends z.ZodType> {
  schema: S;
  run: (deps: WorkDependencies, request: StaffRequest<z.infer<S>>) => Promise<ActionOutcome>;
}

const entry = <S extends z.ZodType>(schema: S, run: TaskActionEntry<S>['run']): TaskActionEntry<S> => ({ schema, run });

export const TASK_ACTION_TABLE: Record<TaskAction, TaskActionEntry<z.ZodType>> = {
  accept: entry(acceptRequest, acceptTask),
  contact: entry(contactRequest, recordContact),
  notes: entry(noteRequest, addProgressNote),
  resolve: entry(resolveRequest, (deps, request) => resolveTask(deps, request, { afterResolved: showResolutionOnMergedCases })),
  return: entry(returnRequest, returnTask),
  extension: entry(extensionRequest, requestExtension),
  'support-calls': entry(supportCallRequest, callForSupport),
};
