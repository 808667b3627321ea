// Renders shared notes' Markdown safely (marked, then DOMPurify); loaded only when Preview is opened.
import { makeStyles, tokens } from '@fluentui/react-components';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

const useStyles = makeStyles({
  preview: {
    minHeight: '160px',
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
    '& a': { color: tokens.colorBrandForegroundLink },
    '& code, & pre': {
      fontFamily: tokens.fontFamilyMonospace,
      backgroundColor: tokens.colorNeutralBackground3,
    },
  },
});

export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

export default function MarkdownPreview({ text }: { text: string }) {
  const styles = useStyles();
  const html = useMemo(() => renderMarkdown(text), [text]);
  return (
    <section
      className={styles.preview}
      aria-label="Shared notes preview"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify in renderMarkdown
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
