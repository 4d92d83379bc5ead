import { useCurrentMessage, useMessages } from './messages';
import { ProblemItems } from './ProblemList';

/** The one place the app speaks to the person: refusals in red, confirmations in green. */
export function MessageBar({ floating }: { floating?: boolean }) {
  const message = useCurrentMessage();
  const { clear } = useMessages();
  if (!message) return null;
  const problems = message.problems ?? [];
  return (
    <div
      className={`message message-${message.kind}${floating ? ' message-floating' : ''}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="message"
    >
      <div className="message-text">
        {message.text}
        {problems.length > 1 && <ProblemItems key={message.text} problems={problems} />}
      </div>
      <button type="button" className="message-close" onClick={clear} aria-label="Đóng thông báo">
        ×
      </button>
    </div>
  );
}
