// Pages outside the app that the manifest and the sign-in pop-ups link to: privacy, terms, and the end pages
// of the Outlook sign-in dialog and the Google consent pop-up. Each loads only its own code.

const pages: Record<string, () => Promise<void>> = {
  '/privacy': async () => (await import('./legal-page.tsx')).renderLegalPage('privacy'),
  '/terms': async () => (await import('./legal-page.tsx')).renderLegalPage('terms'),
  '/auth-end': async () => (await import('./auth-end.ts')).finishOutlookSignIn(),
  '/auth/google-end': async () => (await import('./google-end.ts')).finishGoogleConsent(),
};

/** The page this path is, or null for the app itself. */
export function standalonePageFor(pathname: string): (() => Promise<void>) | null {
  const path = pathname.replace(/\/+$/, '');
  return pages[path] ?? null;
}
