// Grid queue consumer: records the grid's assignment and counts it.
import { sqsHandler } from '../../shared/lambda/sqs-handler.js';
import { gridAssignMessage } from '../../shared/messages.js';
import { assignToGrid } from '../../shared/services/assign-to-grid.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = sqsHandler(gridAssignMessage, async (message) => {
  await assignToGrid(dependencies(), message);
});
