// Security headers (@fastify/helmet), adjusted so Teams and Outlook may frame the tab.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The tab runs inside Teams (web, desktop, mobile) and Outlook iframes, so the default
 * `X-Frame-Options: SAMEORIGIN` would blank it; CSP frame-ancestors names the hosts instead.
 */
const frameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://outlook.live.com',
];

/** The Outlook side panel must load Office.js from Microsoft's CDN (add-ins may not bundle it). */
const scriptSources = ["'self'", 'https://appsforoffice.microsoft.com'];

async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    frameguard: false,
    contentSecurityPolicy: {
      directives: { 'frame-ancestors': frameAncestors, 'script-src': scriptSources },
    },
  });
}

export default fp(securityHeaders, { name: 'helmet' });
