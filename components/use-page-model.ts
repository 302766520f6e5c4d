import { useEffect, useMemo } from 'preact/hooks';

/** What every extension page's model offers: start (read storage, subscribe) and dispose (unsubscribe). */
export interface PageModel {
  start(): Promise<void> | void;
  dispose(): void;
}

/** The page's model, created once, started on mount and disposed on unmount (popup, options, dashboard). */
export function usePageModel<M extends PageModel>(create: () => M): M {
  const model = useMemo(create, []);
  useEffect(() => {
    void model.start();
    return () => model.dispose();
  }, [model]);
  return model;
}
