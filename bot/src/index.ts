// The bot's public face for the composition root (api/src/server.ts): the Teams bot, its cards and deep links.
export { type CardContext, renderCard } from './cards/notification-cards.ts';
export { createDeepLinks, type DeepLinks, type LinkOptions } from './deep-links.ts';
export { createSendLimiter, type SendLimits, TEAMS_LIMITS } from './rate-limiter.ts';
export { createTeamsBot, type TeamsBot, type TeamsBotOptions } from './teams-bot.ts';
