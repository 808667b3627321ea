// The providers every screen relies on: services (host, API), the query cache, and the host's Fluent theme.
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError } from './api/api-error.ts';
import { type Services, ServicesProvider } from './api/services.tsx';
import { fluentTheme } from './shell/themes.ts';
import { useHostTheme } from './shell/use-host-theme.ts';

// On a wrapper, not on FluentProvider: portals copy the provider's classes, and a full-height portal
// node would sit over the page and swallow clicks.
const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
});

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Cached answers render at once on slow networks; a background refetch brings them up to date.
        staleTime: 15_000,
        gcTime: 10 * 60_000,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

export function Root({
  services,
  queryClient,
  children,
}: {
  services: Services;
  queryClient?: QueryClient;
  children: ReactNode;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const theme = useHostTheme(services.host);
  const styles = useStyles();
  return (
    <ServicesProvider services={services}>
      <QueryClientProvider client={client}>
        <FluentProvider theme={fluentTheme(theme, services.host.kind)}>
          <div className={styles.page}>{children}</div>
        </FluentProvider>
      </QueryClientProvider>
    </ServicesProvider>
  );
}
