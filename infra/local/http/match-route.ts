// Picks the route for a request the way API Gateway does: exact method, and a path template whose
// `{param}` segments match one whole (non-empty) segment each. A template with more literal segments wins
// over one with fewer, so `/cases/today` beats `/cases/{caseId}`. No `{proxy+}`, no `ANY`, no `$default`.
import { decodeSegment, type MatchedRoute } from './to-api-gateway-event.js';

export interface RouteTemplate {
  method: string;
  /** e.g. '/cases/{caseId}/timeline' */
  path: string;
}

export interface RouteMatch<R extends RouteTemplate> extends MatchedRoute {
  route: R;
  pathParameters: Record<string, string>;
}

export function routeKey(route: RouteTemplate): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/** @param encodedPath the request path as sent (percent-encoded), without the query string */
export function matchRoute<R extends RouteTemplate>(routes: readonly R[], method: string, encodedPath: string): RouteMatch<R> | undefined {
  const segments = encodedPath.split('/').map(decodeSegment);
  let best: { match: RouteMatch<R>; literals: number } | undefined;
  for (const route of routes) {
    if (route.method.toUpperCase() !== method.toUpperCase()) continue;
    const template = route.path.split('/');
    if (template.length !== segments.length) continue;
    const pathParameters: Record<string, string> = {};
    let literals = 0;
    let matches = true;
    for (let i = 0; i < template.length && matches; i++) {
      const part = template[i]!;
      const segment = segments[i]!;
      const param = /^\{([A-Za-z0-9_.-]+)\}$/.exec(part);
      if (param) {
        if (segment === '') matches = false;
        else pathParameters[param[1]!] = segment;
      } else if (part === segment) {
        literals++;
      } else {
        matches = false;
      }
    }
    if (matches && (!best || literals > best.literals)) {
      best = { match: { route, routeKey: routeKey(route), pathParameters }, literals };
    }
  }
  return best?.match;
}
