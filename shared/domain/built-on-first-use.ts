// A stand-in for an object that is costly to build (a validated jurisdiction tree, a routing index, a
// classifier model), built the first time anything is read from it. Functions that import such a module
// but never use the object (reading a case does not route it) then do not pay for it at cold start.
// Only property reads are forwarded: spreading the stand-in or asking `in` of it sees nothing.
export function builtOnFirstUse<T extends object>(make: () => T): T {
  let real: T | undefined;
  return new Proxy({} as T, {
    get(_target, property) {
      real ??= make();
      const value = Reflect.get(real, property, real) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
  });
}
