import { useState, type ReactNode } from 'react';

/** The paths of files dropped on the window (the sandbox hides them from the page; the preload tells them). */
function droppedPaths(event: React.DragEvent): string[] {
  const pathOf = window.appFiles?.pathOf;
  return [...event.dataTransfer.files].map((f) => (pathOf ? pathOf(f) : '')).filter(Boolean);
}

/** A box files are dropped on, lit while they are dragged over it. */
export function DropZone({ className = '', testId, onDrop, children }: { className?: string; testId?: string; onDrop(paths: string[]): void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`dropzone${className ? ` ${className}` : ''}${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onDrop(droppedPaths(e));
      }}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
