// Street dispatch queue consumer: picks the community and grid inside the street.
import { sqsHandler } from '../../shared/lambda/sqs-handler.js';
import { streetDispatchMessage } from '../../shared/messages.js';
import { dispatchFromStreet } from '../../shared/services/dispatch-from-street.js';
import { dependencies } from '../../shared/services/wiring.js';
import '../../shared/services/routing-wiring.js';

export const handler = sqsHandler(streetDispatchMessage, async (message) => {
  await dispatchFromStreet(dependencies(), message);
});
