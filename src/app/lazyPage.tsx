import { Suspense, use, type ComponentType } from 'react';

export interface LazyPage<P extends object> {
  readonly Page: ComponentType<P>;
  /** Fetches the page's code; once it resolves, the page renders without suspending. */
  preload(): Promise<unknown>;
}

/**
 * A page whose code is fetched only when a reader goes to it, so that a story does not carry the
 * code of the lists. Unlike `React.lazy`, a page preloaded before hydration renders at once
 * (src/main.tsx preloads the page at the address): its prerendered markup is hydrated, never
 * swapped for a fallback.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  function Loaded(props: P) {
    const Component = loaded ?? use(preload());
    return <Component {...props} />;
  }
  function Page(props: P) {
    // No fallback of its own: the chunk is a few hundred bytes, and the page announces its own loading.
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return { Page, preload };
}
