// /series/:id: read, rename or retime, delete, archive, unarchive, and relink to a calendar series.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { callerOf } from '../plugins/app/auth.ts';
import { ErrorBody, errorResponses, IdParams, Ok } from '../schemas/common.ts';
import { Card, LinkBody, RetimePatch, SeriesDetail } from '../schemas/one-on-ones.ts';
import { archiveSeries, unarchiveSeries } from '../workflows/archive.ts';
import { buildCard, type CardSource, meetingView } from '../workflows/build-cards.ts';
import { deleteSeries } from '../workflows/delete-one-on-one.ts';
import { linkSeries } from '../workflows/link-series.ts';
import { loadVisibleSeries, seriesSource } from '../workflows/load-one-on-one.ts';
import { editSeries } from '../workflows/retime.ts';

const tags = ['series'];
const ruleResponses = { ...errorResponses, 409: ErrorBody, 422: ErrorBody };

const series: FastifyPluginAsyncTypebox = async (app) => {
  const detailOf = async (source: CardSource & { kind: 'series' }) => ({
    ...(await buildCard(app.store, source.series.tenantId, source, app.clock.now())),
    meetings: source.instances.map(meetingView),
  });

  app.get(
    '/series/:id',
    {
      schema: {
        tags,
        summary: 'A series: its card and its instances in start order (cancelled ones included)',
        params: IdParams,
        response: { 200: SeriesDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const found = await loadVisibleSeries(app.store, user.tenantId, request.params.id, user.id);
      return detailOf(await seriesSource(app.store, found));
    },
  );

  app.patch(
    '/series/:id',
    {
      schema: {
        tags,
        summary: 'Rename a series, or retime it from its next 1:1 on (either participant)',
        description:
          '`start`/`end` are the new times of the next occurrence; the series repeats from there in ' +
          "the owner's time zone. Instances moved on their own keep their times; started ones are not moved.",
        params: IdParams,
        body: RetimePatch,
        response: { 200: SeriesDetail, ...ruleResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const found = await loadVisibleSeries(app.store, user.tenantId, request.params.id, user.id);
      const updated = await editSeries(app.store, user.id, found, request.body, app.clock.now());
      return detailOf(await seriesSource(app.store, updated));
    },
  );

  app.delete(
    '/series/:id',
    {
      schema: {
        tags,
        summary: 'Delete a whole series (owner only, while none of its instances has started)',
        params: IdParams,
        response: { 200: Ok, ...ruleResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const found = await loadVisibleSeries(app.store, user.tenantId, request.params.id, user.id);
      await deleteSeries(app.store, user.id, found, app.clock.now());
      request.log.info({ seriesId: found.id }, 'series deleted');
      return { ok: true as const };
    },
  );

  app.post(
    '/series/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a past series (a connected one only after its recurrence ended in the calendar)',
        params: IdParams,
        response: { 200: Card, ...ruleResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const now = app.clock.now();
      const found = await loadVisibleSeries(app.store, user.tenantId, request.params.id, user.id);
      const source = await archiveSeries(app.store, user.id, found, now);
      return buildCard(app.store, user.tenantId, source, now);
    },
  );

  app.post(
    '/series/:id/unarchive',
    {
      schema: {
        tags,
        summary: 'Bring an archived series back (either participant; one active series per pair)',
        params: IdParams,
        response: { 200: Card, ...ruleResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const found = await loadVisibleSeries(app.store, user.tenantId, request.params.id, user.id);
      const source = await unarchiveSeries(app.store, user.id, found);
      return buildCard(app.store, user.tenantId, source, app.clock.now());
    },
  );

  app.post(
    '/series/:id/link',
    {
      schema: {
        tags,
        summary: 'Link a disconnected series with a calendar series of mine',
        description:
          'Owner only, with a connected calendar (else 422 CALENDAR_NOT_CONNECTED). `eventId` is a recurring ' +
          'meeting of the same two people; coming 1:1s keep their topics and notes.',
        params: IdParams,
        body: LinkBody,
        response: { 200: Card, ...ruleResponses },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const now = app.clock.now();
      const found = await loadVisibleSeries(app.store, user.tenantId, request.params.id, user.id);
      const deps = { store: app.store, log: request.log, calendar: app.calendar };
      const linked = await linkSeries(deps, user, found, request.body.eventId, now);
      request.log.info({ seriesId: linked.id }, 'series linked with the calendar');
      return buildCard(app.store, user.tenantId, await seriesSource(app.store, linked), now);
    },
  );
};

export default series;
