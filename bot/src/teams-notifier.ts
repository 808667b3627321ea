// The Notifier for Teams: a proactive Adaptive Card in the recipient's personal chat with the bot, through the
// Agents SDK's CloudAdapter (Bot Connector REST API). Without a conversation yet, it installs the app for the person
// (Graph) and opens the chat by their Entra object id. Every send is paced by the one rate limiter and retried.
import type { ConversationParameters, ConversationReference } from '@microsoft/agents-activity';
import { CardFactory, type CloudAdapter, MessageFactory } from '@microsoft/agents-hosting';
import type { BotDirectory } from 'api/bot-directory';
import type { DeliveryOutcome, Notification, Notifier, Recipient } from 'api/notify';
import type { CardJson } from './cards/card-parts.ts';
import type { AppInstaller } from './graph-installer.ts';
import type { LimiterClock, SendLimiter } from './rate-limiter.ts';
import { RETRIED_STATUSES, type RetryPolicy, type SendResult, sendWithRetry } from './send-with-retry.ts';

export interface TeamsNotifierOptions {
  readonly adapter: CloudAdapter;
  /** The Azure Bot's app id (BOT_ID). */
  readonly appId: string;
  readonly directory: BotDirectory;
  readonly render: (notification: Notification) => CardJson;
  readonly limiter: SendLimiter;
  readonly clock: LimiterClock;
  readonly retry: RetryPolicy;
  /** null: no Graph installation (no Teams app id or Entra app configured); only existing chats are reached. */
  readonly installer: AppInstaller | null;
  /** Bot Connector endpoint for opening new personal chats. */
  readonly serviceUrl: string;
}

type Opened =
  | { ok: true; reference: ConversationReference }
  | { ok: false; reason: string; transient: boolean };

/** When Teams answers with no Retry-After and the dispatcher is to try again later. */
const DEFAULT_LATER_MS = 60_000;

export function createTeamsNotifier(options: TeamsNotifierOptions): Notifier {
  const { adapter, appId, directory, limiter, clock, retry } = options;

  const gate = (thread: string, tenant: string) => ({ limiter, thread, tenant, clock, policy: retry });

  /** The CloudAdapter hands turn errors to onTurnError; a proactive send wants them back. */
  const sendCard = async (reference: ConversationReference, card: CardJson): Promise<void> => {
    let failure: unknown = null;
    await adapter.continueConversation(appId, reference, async (context) => {
      try {
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
  };

  const openConversation = async (recipient: Recipient): Promise<Opened> => {
    if (options.installer) {
      const installed = await options.installer.installFor(recipient.tenantId, recipient.aadObjectId);
      if (!installed.ok) return installed;
    }
    const parameters = {
      isGroup: false,
      bot: { id: `28:${appId}` },
      agent: { id: `28:${appId}` },
      members: [{ id: recipient.aadObjectId, aadObjectId: recipient.aadObjectId }],
      tenantId: recipient.tenantId,
      channelData: { tenant: { id: recipient.tenantId } },
    } as unknown as ConversationParameters;
    let reference: ConversationReference | null = null;
    const result = await sendWithRetry(
      () =>
        adapter.createConversationAsync(
          appId,
          'msteams',
          options.serviceUrl,
          'https://api.botframework.com',
          parameters,
          async (context) => {
            reference = context.activity.getConversationReference();
          },
        ),
      gate(`new:${recipient.aadObjectId}`, recipient.tenantId),
    );
    if (!result.ok || !reference) {
      const why = result.ok ? 'no conversation came back' : describe(result);
      const transient = !result.ok && (result.status === null || RETRIED_STATUSES.has(result.status));
      return {
        ok: false,
        reason: `A chat with ${recipient.displayName} could not be opened: ${why}.`,
        transient,
      };
    }
    await directory.saveConversation(recipient.tenantId, recipient.aadObjectId, toStored(reference));
    return { ok: true, reference };
  };

  const deliver = async (notification: Notification, reopened = false): Promise<DeliveryOutcome> => {
    const { recipient } = notification;
    const card = options.render(notification);
    const stored = await directory.conversationOf(recipient);
    let reference = stored as ConversationReference | null;
    if (!reference) {
      const opened = await openConversation(recipient);
      if (!opened.ok && opened.transient)
        return { status: 'retry', afterMs: DEFAULT_LATER_MS, reason: opened.reason };
      if (!opened.ok) return { status: 'failed', reason: opened.reason };
      reference = opened.reference;
    }
    const result = await sendWithRetry(
      () => sendCard(reference, card),
      gate(reference.conversation.id, recipient.tenantId),
    );
    if (result.ok) return { status: 'sent', card: null };
    // The chat is gone (app uninstalled, conversation deleted): forget it and open a new one, once.
    if ((result.status === 404 || result.status === 403) && stored && !reopened) {
      await directory.removeConversation(recipient.tenantId, recipient.aadObjectId);
      if (result.status === 404) return deliver(notification, true);
    }
    if (result.status === null || result.status === 429 || result.status >= 500 || result.status === 412) {
      return { status: 'retry', afterMs: result.retryAfterMs ?? DEFAULT_LATER_MS, reason: describe(result) };
    }
    return { status: 'failed', reason: `Teams refused the message: ${describe(result)}.` };
  };

  return { deliver: (notification) => deliver(notification) };
}

function describe(result: Extract<SendResult<unknown>, { ok: false }>): string {
  if (result.status === 403) return 'the person blocked the bot or an admin disabled it (403)';
  if (result.status === 429) return 'Teams is throttling the bot (429)';
  return result.status === null ? result.message : `HTTP ${result.status}`;
}

/** What is kept per person: enough to continue the conversation, without the activity it came from. */
export function toStored(reference: ConversationReference): Record<string, unknown> {
  const { activityId: _activity, ...rest } = reference;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}
