// In-place messages (errors, warnings, prompts) for the first-load screens: Fluent's MessageBar is loaded the
// first time one is shown, so a workspace that opens without trouble never downloads it.
import { makeStyles, tokens } from '@fluentui/react-components';
import { lazy, type ReactNode, Suspense } from 'react';

const NoticeBar = lazy(() => import('./notice-bar.tsx'));

export interface NoticeProps {
  intent: 'error' | 'warning' | 'info' | 'success';
  title?: string | undefined;
  children: ReactNode;
  /** Buttons beside the message. */
  actions?: ReactNode;
  /** Shows a dismiss button that calls this. */
  onDismiss?: (() => void) | undefined;
  multiline?: boolean;
}

const useStyles = makeStyles({ plain: { padding: tokens.spacingVerticalS } });

export function Notice(props: NoticeProps) {
  const styles = useStyles();
  // While the bar loads (milliseconds), the message is already there as text.
  const plain = (
    <div role={props.intent === 'error' ? 'alert' : 'status'} className={styles.plain}>
      {props.title ? `${props.title}: ` : ''}
      {props.children}
      {props.actions}
    </div>
  );
  return (
    <Suspense fallback={plain}>
      <NoticeBar {...props} />
    </Suspense>
  );
}
