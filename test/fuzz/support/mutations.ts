// Mutation fuzzing from known-good bodies: the request fixtures in events/api (and the demo requests for
// POST /cases), each changed in one place — a field replaced by a hostile value, removed, stretched past its
// limit, a list grown, a prototype-polluting key added — so validation is tested field by field, deeper
// than random JSON reaches. An endpoint gets these as soon as a fixture with its routeKey exists.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { hostileJson, nastyString, POLLUTING_KEYS } from './hostile-values.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

const EVENTS_DIR = new URL('../../../events/api/', import.meta.url);

/** routeKey → the JSON object bodies of its fixtures. */
export function fixtureBodies(): Map<string, Json[]> {
  const byRoute = new Map<string, Json[]>();
  const add = (routeKey: string, body: Json) => byRoute.set(routeKey, [...(byRoute.get(routeKey) ?? []), body]);
  for (const file of readdirSync(EVENTS_DIR).filter((f) => f.endsWith('.json'))) {
    const event = JSON.parse(readFileSync(new URL(file, EVENTS_DIR), 'utf8')) as { routeKey?: string; body?: string; isBase64Encoded?: boolean };
    if (!event.routeKey || typeof event.body !== 'string' || event.isBase64Encoded) continue;
    try {
      const body = JSON.parse(event.body) as Json;
      if (body && typeof body === 'object' && !Array.isArray(body)) add(event.routeKey, body);
    } catch {
      // a fixture of a bad body: the random fuzz covers those
    }
  }
  const demo = JSON.parse(readFileSync(new URL('../../../events/demo/requests.json', import.meta.url), 'utf8')) as { requests: Json[] };
  for (const body of demo.requests.slice(0, 10)) add('POST /cases', body);
  return byRoute;
}

function pathsOf(value: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

function getAt(value: Json, path: Path): Json {
  return path.reduce<Json>((v, key) => (v as Record<string | number, Json>)[key] ?? null, value);
}

function setAt(value: Json, path: Path, replacement: Json | undefined): Json {
  if (path.length === 0) return replacement === undefined ? {} : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === undefined) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number] ?? null, rest, replacement);
    return copy;
  }
  const copy: Record<string, Json> = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && replacement === undefined) delete copy[head as string];
  else Object.defineProperty(copy, head as string, { value: setAt(copy[head as string] ?? null, rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
}

type Mutation = (base: Json, path: Path) => Json;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  hostileJson.map((v): Mutation => (base, path) => setAt(base, path, v as Json)),
  nastyString(60).map((s): Mutation => (base, path) => setAt(base, path, s)),
  fc.constant<Mutation>((base, path) => setAt(base, path, undefined)),
  fc.tuple(fc.constantFrom(...POLLUTING_KEYS), hostileJson).map(([key, v]): Mutation => (base, path) => {
    const target = getAt(base, path);
    if (!target || typeof target !== 'object' || Array.isArray(target)) return base;
    return setAt(base, [...path, key], v as Json);
  }),
  fc.integer({ min: 2, max: 6000 }).map((n): Mutation => (base, path) => {
    const target = getAt(base, path);
    return typeof target === 'string' && target.length > 0 ? setAt(base, path, target.repeat(Math.ceil(n / target.length)).slice(0, n)) : base;
  }),
  fc.integer({ min: 2, max: 40 }).map((n): Mutation => (base, path) => {
    const target = getAt(base, path);
    return Array.isArray(target) && target.length > 0 ? setAt(base, path, Array.from({ length: n }, () => target[0]!)) : setAt(base, path, Array.from({ length: n }, () => target));
  }),
  fc.constant<Mutation>((base, path) => setAt(base, path, [getAt(base, path)])),
);

/** Bodies for one route: a fixture with one (or two) mutations, as JSON text. */
export function mutatedBodies(bases: Json[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 2 }))
    .map(([base, changes]) => {
      let body = base;
      for (const [pick, change] of changes) {
        const paths = pathsOf(body);
        body = change(body, paths[pick % paths.length]!);
      }
      return JSON.stringify(body);
    });
}
