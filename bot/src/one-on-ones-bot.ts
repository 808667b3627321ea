// The bot's own turns (the Teams activity handler): install and uninstall keep each person's conversation
// reference, and the personal chat answers "help" and "my 1:1s". Data comes through the BotDirectory port.
import type { Activity } from '@microsoft/agents-activity';
import { CardFactory, MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { TeamsActivityHandler } from '@microsoft/agents-hosting-extensions-teams';
import type { BotDirectory } from 'api/bot-directory';
import { helpText, upcomingCard } from './cards/command-cards.ts';
import type { DeepLinks } from './deep-links.ts';
import { toStored } from './teams-notifier.ts';

export interface BotLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface OneOnOnesBotOptions {
  readonly directory: BotDirectory;
  readonly links: DeepLinks;
  readonly locale: string;
  readonly log: BotLogger;
}

/** How many 1:1s "my 1:1s" lists. */
const UPCOMING_COUNT = 5;
const DEFAULT_MODULE_NAME = '1:1s';

/** The person and tenant an incoming activity is from (Teams puts the tenant in two places). */
export function senderOf(activity: Activity): { tenantId: string; aadObjectId: string } | null {
  const channelTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const tenantId = activity.conversation?.tenantId ?? channelTenant;
  const aadObjectId = activity.from?.aadObjectId;
  return tenantId && aadObjectId ? { tenantId, aadObjectId } : null;
}

export function commandOf(text: string | undefined): 'help' | 'upcoming' | 'unknown' {
  const words = (text ?? '')
    .replace(/<at>.*?<\/at>/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  if (words === '' || words === 'help' || words === '?') return 'help';
  if (/^(my )?(1:1s?|one[- ]on[- ]ones?|upcoming|next)$/.test(words)) return 'upcoming';
  return 'unknown';
}

export class OneOnOnesBot extends TeamsActivityHandler {
  readonly #options: OneOnOnesBotOptions;

  constructor(options: OneOnOnesBotOptions) {
    super();
    this.#options = options;
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.#remember(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.#forget(context);
      await next();
    });
    // In Teams a conversationUpdate reaches the Teams-specific members events, not the generic ones.
    this.onTeamsMembersAddedEvent(async (members, _team, context, next) => {
      if (this.#concernsBot(context, members)) await this.#remember(context);
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (members, _team, context, next) => {
      if (this.#concernsBot(context, members)) await this.#forget(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.#answer(context);
      await next();
    });
  }

  #concernsBot(context: TurnContext, members: { id?: string }[] | undefined): boolean {
    return (members ?? []).some((member) => member.id === context.activity.recipient?.id);
  }

  /** Only personal chats: a notification goes to the person, never into a group chat or a team. */
  async #remember(context: TurnContext): Promise<void> {
    const sender = senderOf(context.activity);
    if (!sender || context.activity.conversation?.conversationType !== 'personal') return;
    const reference = toStored(context.activity.getConversationReference());
    const known = await this.#options.directory.saveConversation(
      sender.tenantId,
      sender.aadObjectId,
      reference,
    );
    this.#options.log.info({ tenantId: sender.tenantId, known }, 'bot conversation stored');
  }

  async #forget(context: TurnContext): Promise<void> {
    const sender = senderOf(context.activity);
    if (!sender || context.activity.conversation?.conversationType !== 'personal') return;
    await this.#options.directory.removeConversation(sender.tenantId, sender.aadObjectId);
    this.#options.log.info({ tenantId: sender.tenantId }, 'bot conversation removed');
  }

  async #answer(context: TurnContext): Promise<void> {
    // Writing to the bot proves the chat exists: keep its reference for notifications.
    await this.#remember(context);
    const sender = senderOf(context.activity);
    const upcoming = sender
      ? await this.#options.directory.upcomingFor(sender.tenantId, sender.aadObjectId, UPCOMING_COUNT)
      : null;
    const moduleName = upcoming?.moduleName ?? DEFAULT_MODULE_NAME;
    const command = commandOf(context.activity.text);
    if (command === 'upcoming' && upcoming) {
      const card = upcomingCard(upcoming, this.#options.links, this.#options.locale);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      return;
    }
    if (command === 'upcoming') {
      await context.sendActivity(MessageFactory.text(`Open ${moduleName} once in Teams, then ask me again.`));
      return;
    }
    const prefix = command === 'unknown' ? 'I did not get that.\n\n' : '';
    await context.sendActivity(MessageFactory.text(`${prefix}${helpText(moduleName)}`));
  }
}
