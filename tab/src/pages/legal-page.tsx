// The privacy statement and terms of use the app manifest links to: short, plain, and true to SPEC.md.
import { FluentProvider, makeStyles, Text, tokens, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

const useStyles = makeStyles({
  page: {
    maxWidth: '720px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

const texts = {
  privacy: {
    title: 'Privacy',
    paragraphs: [
      'A 1:1 and everything in it — agenda topics, action items and shared notes — is visible only to its two participants. Managers, admins and everybody else see nothing of it.',
      'Private notes are visible only to their author, in any answer, notification or export.',
      'When you connect your Outlook or Google calendar, the app reads your meetings to create and update your 1:1s. Its access tokens are stored encrypted and are deleted when you disconnect. The app writes to your calendar only when you ask it to add a 1:1 to your calendar.',
      'Admins see aggregate counts only (1:1s held per week, share of people with a recent 1:1), never a title, a name or any content.',
      "Your organization's data stays with your organization: nothing crosses from one organization to another.",
    ],
  },
  terms: {
    title: 'Terms of use',
    paragraphs: [
      "This app is provided by your organization for preparing, holding and following up 1:1 meetings. Use it according to your organization's policies.",
      'Your organization administers the app: it can turn it on or off and rename it. The content of your 1:1s belongs to you and the other participant within your organization.',
      'The app is provided as is. Report problems to your administrator.',
    ],
  },
} as const;

function LegalPage({ kind }: { kind: keyof typeof texts }) {
  const styles = useStyles();
  const text = texts[kind];
  return (
    <main className={styles.page}>
      <Text as="h1" size={700} weight="semibold">
        {text.title}
      </Text>
      {text.paragraphs.map((paragraph) => (
        <Text as="p" key={paragraph}>
          {paragraph}
        </Text>
      ))}
    </main>
  );
}

export function renderLegalPage(kind: keyof typeof texts): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root');
  document.title = texts[kind].title;
  createRoot(element).render(
    <FluentProvider theme={webLightTheme}>
      <LegalPage kind={kind} />
    </FluentProvider>,
  );
}
