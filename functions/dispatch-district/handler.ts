// District dispatch queue consumer: one hop down the tree (or to a department) per message.
import { sqsHandler } from '../../shared/lambda/sqs-handler.js';
import { districtDispatchMessage } from '../../shared/messages.js';
import { dispatchFromDistrict } from '../../shared/services/dispatch-from-district.js';
import { dependencies } from '../../shared/services/wiring.js';
import '../../shared/services/routing-wiring.js';

export const handler = sqsHandler(districtDispatchMessage, async (message) => {
  await dispatchFromDistrict(dependencies(), message);
});
