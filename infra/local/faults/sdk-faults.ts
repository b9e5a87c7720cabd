// Makes some writes of the handlers' AWS SDK clients fail: either before they are made (an outage), or after
// — the write reaches DynamoDB or SQS, but the code that made it gets an error, exactly as if the process had
// died right after it. This opens every crash window between two writes of a step (a state change and its
// event, a state change and the next hop's message, a case and its figures), which handler-level faults
// cannot reach.
import type { MiddlewareStack } from '@smithy/types';
import { dynamoDocumentClient, sqs } from '../../../shared/adapters/aws-clients.js';
import { InjectedFault, type ResolvedFaultPlan } from './fault-plan.js';
import type { FaultStats } from './fault-stats.js';

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
  'SendMessageCommand',
  'SendMessageBatchCommand',
]);
const NAME = 'hotline12345InjectLostAnswer';

type AnyStack = MiddlewareStack<object, object>;

function attach(stack: AnyStack, plan: ResolvedFaultPlan, stats: FaultStats): void {
  stack.remove(NAME);
  stack.add(
    (next, context) => async (args) => {
      const command = (context as { commandName?: string }).commandName ?? '';
      if (!WRITES.has(command)) return next(args);
      const draw = plan.random();
      if (draw < plan.sdkFailRate) {
        stats.sdkFailed += 1;
        throw new InjectedFault(`injected: ${command} failed before it was made`);
      }
      const result = await next(args);
      if (draw < plan.sdkFailRate + plan.sdkLostAnswerRate) {
        stats.sdkLostAnswers += 1;
        throw new InjectedFault(`injected: ${command} was done but its answer was lost`);
      }
      return result;
    },
    // outermost, so the SDK's own retries never see (and never repeat) the injected error
    { step: 'initialize', name: NAME, priority: 'high' },
  );
}

/** Adds the lost-answer fault to the handlers' shared clients (this process's DynamoDB and SQS clients). */
export function injectSdkFaults(plan: ResolvedFaultPlan, stats: FaultStats): () => void {
  if (plan.sdkFailRate + plan.sdkLostAnswerRate <= 0) return () => {};
  const stacks = [dynamoDocumentClient().middlewareStack, sqs().middlewareStack] as unknown as AnyStack[];
  for (const stack of stacks) attach(stack, plan, stats);
  return () => {
    for (const stack of stacks) stack.remove(NAME);
  };
}
