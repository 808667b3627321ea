// The app's few screens as URL query parameters, so deep links (?meeting=<id>, ?series=<id>) work in every host.
import { useCallback, useSyncExternalStore } from 'react';

export type Route =
  | { screen: 'list' }
  | { screen: 'meeting'; id: string }
  | { screen: 'series'; id: string }
  | { screen: 'settings' }
  | { screen: 'admin' };

/** Parameters that belong to the host, kept across navigation (e.g. `host=teams`). */
const preserved = ['host'];

export function parseRoute(search: string, subEntityId: string | null = null): Route {
  const params = new URLSearchParams(search);
  const meeting = params.get('meeting');
  if (meeting) return { screen: 'meeting', id: meeting };
  const series = params.get('series');
  if (series) return { screen: 'series', id: series };
  const page = params.get('page');
  if (page === 'settings' || page === 'admin') return { screen: page };
  // Teams deep links carry the target in the sub-entity id: `meeting:<id>` or `series:<id>`.
  const [kind, id] = (subEntityId ?? '').split(':');
  if (id && (kind === 'meeting' || kind === 'series')) return { screen: kind, id };
  return { screen: 'list' };
}

export function routeToSearch(route: Route, current: string): string {
  const params = new URLSearchParams();
  const old = new URLSearchParams(current);
  for (const name of preserved) {
    const value = old.get(name);
    if (value) params.set(name, value);
  }
  if (route.screen === 'meeting' || route.screen === 'series') params.set(route.screen, route.id);
  if (route.screen === 'settings' || route.screen === 'admin') params.set('page', route.screen);
  const text = params.toString();
  return text ? `?${text}` : '';
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

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const url = `${window.location.pathname}${routeToSearch(route, window.location.search)}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  for (const listener of listeners) listener();
}

/** Once at start: a host's deep link (Teams sub-entity id) becomes the URL, so "back" and reloads keep it. */
export function adoptDeepLink(subEntityId: string | null): void {
  const current = parseRoute(window.location.search);
  if (current.screen !== 'list') return;
  const linked = parseRoute('', subEntityId);
  if (linked.screen !== 'list') navigate(linked, { replace: true });
}

export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  const go = useCallback((route: Route, options?: { replace?: boolean }) => navigate(route, options), []);
  return [parseRoute(search), go];
}
