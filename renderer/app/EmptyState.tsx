/** What a screen says when there is nothing to show yet, and what to do about it. */
export function EmptyState({ text }: { text: string }) {
  return <p className="empty-state">{text}</p>;
}
