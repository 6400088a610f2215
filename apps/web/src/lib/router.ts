import { useSyncExternalStore } from 'react';

/** The few screens of the app, parsed from the URL so every process has a link. */
export type Route =
  | { page: 'processes' }
  | { page: 'designer'; processId: string }
  | { page: 'compare'; processId: string }
  /** Two test runs of a process side by side, full width: `before` is the older one. */
  | { page: 'run-compare'; processId: string; before: string; after: string }
  /** The revision list; with `revision`, that revision drawn read-only. */
  | { page: 'revisions'; processId: string; revision?: number }
  | { page: 'connections' }
  | { page: 'deployments' }
  | { page: 'accounts' };

export function parseRoute(pathname: string): Route {
  const runCompare = /^\/processes\/([^/]+)\/runs\/([^/]+)\/compare\/([^/]+)\/?$/.exec(pathname);
  if (runCompare?.[1] && runCompare[2] && runCompare[3]) {
    return {
      page: 'run-compare',
      processId: decodeURIComponent(runCompare[1]),
      before: decodeURIComponent(runCompare[2]),
      after: decodeURIComponent(runCompare[3]),
    };
  }
  const compare = /^\/processes\/([^/]+)\/compare\/?$/.exec(pathname);
  if (compare?.[1]) {
    return { page: 'compare', processId: decodeURIComponent(compare[1]) };
  }
  const revisions = /^\/processes\/([^/]+)\/revisions(?:\/([1-9]\d{0,9}))?\/?$/.exec(pathname);
  if (revisions?.[1]) {
    const processId = decodeURIComponent(revisions[1]);
    return revisions[2]
      ? { page: 'revisions', processId, revision: Number(revisions[2]) }
      : { page: 'revisions', processId };
  }
  const designer = /^\/processes\/([^/]+)\/?$/.exec(pathname);
  if (designer?.[1]) {
    return { page: 'designer', processId: decodeURIComponent(designer[1]) };
  }
  if (pathname.startsWith('/connections')) {
    return { page: 'connections' };
  }
  if (pathname.startsWith('/deployments')) {
    return { page: 'deployments' };
  }
  if (pathname.startsWith('/accounts')) {
    return { page: 'accounts' };
  }
  return { page: 'processes' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'processes':
      return '/';
    case 'connections':
      return '/connections';
    case 'deployments':
      return '/deployments';
    case 'accounts':
      return '/accounts';
    case 'designer':
      return `/processes/${encodeURIComponent(route.processId)}`;
    case 'compare':
      return `/processes/${encodeURIComponent(route.processId)}/compare`;
    case 'run-compare':
      return `/processes/${encodeURIComponent(route.processId)}/runs/${encodeURIComponent(route.before)}/compare/${encodeURIComponent(route.after)}`;
    case 'revisions':
      return `/processes/${encodeURIComponent(route.processId)}/revisions${route.revision === undefined ? '' : `/${route.revision}`}`;
  }
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(route: Route): void {
  window.history.pushState(null, '', hrefFor(route));
  for (const listener of listeners) {
    listener();
  }
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
