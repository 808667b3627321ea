// The Fluent MessageBar behind Notice (loaded on demand).
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { NoticeProps } from './notice.tsx';

export default function NoticeBar({ intent, title, children, actions, onDismiss, multiline }: NoticeProps) {
  return (
    <MessageBar intent={intent} layout={multiline ? 'multiline' : 'auto'}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {(actions || onDismiss) && (
        <MessageBarActions
          containerAction={
            onDismiss ? (
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={onDismiss}
              />
            ) : undefined
          }
        >
          {actions}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
