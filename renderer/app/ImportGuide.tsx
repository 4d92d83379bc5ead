// What an empty screen says: what to do next, the columns the import expects, and the
// template to fill ("Tải tệp mẫu"), with the screen's own import button beside it.
import type { ReactNode } from 'react';

export interface ImportGuideProps {
  title: string;
  /** what to do next, in a sentence or two */
  text: string;
  columns: readonly string[];
  /** columns the import needs; the others may be left out */
  required?: readonly string[];
  onTemplate(): void;
  children?: ReactNode;
  testId?: string;
}

export function ImportGuide({ title, text, columns, required = [], onTemplate, children, testId }: ImportGuideProps) {
  return (
    <section className="card import-guide" data-testid={testId}>
      <h3>{title}</h3>
      <p>{text}</p>
      <p className="import-guide-columns">
        Các cột của tệp Excel:{' '}
        {columns.map((c, i) => (
          <span key={c}>
            {i > 0 && ', '}
            <code className={required.includes(c) ? 'required' : undefined}>{c}</code>
          </span>
        ))}
        {required.length > 0 && <span className="muted"> (in đậm: bắt buộc)</span>}
      </p>
      <div className="toolbar">
        <button type="button" onClick={onTemplate}>
          Tải tệp mẫu
        </button>
        {children}
      </div>
    </section>
  );
}
