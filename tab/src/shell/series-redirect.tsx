// ?series=<id> opens the series' current instance: the next one not yet ended, else the last one.
import type { SeriesDetail } from 'api/contract';
import { useEffect } from 'react';
import { useSeries } from '../api/read-queries.ts';
import { useServices } from '../api/services.tsx';
import { navigate } from './route.ts';
import { LoadFailure, Loading } from './status-screens.tsx';

export function currentInstance(series: SeriesDetail, now: Date): string | null {
  const live = series.meetings.filter((meeting) => meeting.status === 'scheduled');
  const upcoming = live.find((meeting) => new Date(meeting.end) > now);
  return (upcoming ?? live.at(-1) ?? series.meetings.at(-1))?.id ?? null;
}

export function SeriesRedirect({ seriesId }: { seriesId: string }) {
  const { now } = useServices();
  const series = useSeries(seriesId);
  const target = series.data ? currentInstance(series.data, now()) : null;
  useEffect(() => {
    if (target) navigate({ screen: 'meeting', id: target }, { replace: true });
  }, [target]);
  if (series.isError) return <LoadFailure error={series.error} onRetry={() => series.refetch()} />;
  if (series.data && !target)
    return <LoadFailure error={new Error('This series has no meetings.')} onRetry={() => series.refetch()} />;
  return <Loading label="Opening the 1:1" />;
}
