// React context that hands the host and the API client to every screen (one instance per app).
import { createContext, type ReactNode, useContext } from 'react';
import type { Host } from '../hosts/host.ts';
import type { ApiClient } from './client.ts';

export interface Services {
  host: Host;
  api: ApiClient;
  /** Injected clock so components and tests agree on "now" (past/future rules). */
  now: () => Date;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
