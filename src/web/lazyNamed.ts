import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A component loaded on first render (its own chunk), from a module that exports it by name: the
 * first screen downloads only what it shows (Chart.js, the advisor, settings… come when opened).
 */
export function lazyNamed<Props extends object, K extends string>(
  load: () => Promise<{ [P in K]: ComponentType<Props> }>,
  name: K,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
