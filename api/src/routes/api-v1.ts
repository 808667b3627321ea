// Everything under /api/v1 that needs a signed-in caller: the auth hook, then one plugin per resource.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import auth, { type AuthOptions } from '../plugins/app/auth.ts';
import actionItems from './action-items.ts';
import admin from './admin.ts';
import calendar from './calendar.ts';
import me from './me.ts';
import meetings from './meetings.ts';
import notifications from './notifications.ts';
import oneOnOnes from './one-on-ones.ts';
import privateNote from './private-note.ts';
import series from './series.ts';
import sharedNotes from './shared-notes.ts';
import stream from './stream.ts';
import topics from './topics.ts';
import users from './users.ts';

const apiV1: FastifyPluginAsyncTypebox<AuthOptions> = async (app, options) => {
  await app.register(auth, options);
  await app.register(me);
  await app.register(users);
  await app.register(admin);
  // Resource plugins (one line each):
  await app.register(oneOnOnes);
  await app.register(series);
  await app.register(meetings);
  await app.register(topics);
  await app.register(actionItems);
  await app.register(sharedNotes);
  await app.register(privateNote);
  await app.register(stream);
  await app.register(calendar);
  await app.register(notifications);
};

export default apiV1;
