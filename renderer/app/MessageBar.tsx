export interface Message {
  kind: 'info' | 'error' | 'warning';
  text: string;
}

/** The one place the app speaks to the person: refusals in red, confirmations in green. */
export function MessageBar({ message, onClose, floating }: { message: Message | null; onClose: () => void; floating?: boolean }) {
  if (!message) return null;
  return (
    <div
      className={`message message-${message.kind}${floating ? ' message-floating' : ''}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="message"
    >
      <span className="message-text">{message.text}</span>
      <button type="button" className="message-close" onClick={onClose} aria-label="Đóng thông báo">
        ×
      </button>
    </div>
  );
}
