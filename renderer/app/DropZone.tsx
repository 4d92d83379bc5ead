import { useState, type ReactNode } from 'react';
import type { PickedFile } from '../../shared/channels';

/**
 * The files dropped on the window, as the main process's tokens: the sandbox hides their
 * paths from the page, the preload reads them and exchanges them for tokens.
 */
async function droppedFiles(event: React.DragEvent): Promise<PickedFile[]> {
  const files = [...event.dataTransfer.files];
  const tokensOf = window.appFiles?.tokensOf;
  return tokensOf && files.length ? tokensOf(files) : [];
}

/** A box files are dropped on, lit while they are dragged over it. */
export function DropZone({ className = '', testId, onDrop, children }: { className?: string; testId?: string; onDrop(files: PickedFile[]): void; children: ReactNode }) {
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
        void droppedFiles(e).then(onDrop, () => onDrop([]));
      }}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
