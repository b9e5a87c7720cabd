// Imported (for its effect) by the handlers that route: the dispatch hops, triage and dispute decisions. It
// gives wiring.ts the router, whose jurisdiction file (~150 KB) then lands in those bundles only.
import { routerFromEnv } from './routing-config.js';
import { provideRouter } from './wiring.js';

provideRouter(routerFromEnv);
