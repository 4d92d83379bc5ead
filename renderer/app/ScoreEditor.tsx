import { useEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { formatScore } from '../features/appraisal/model';

export interface ScoreEditorContext {
  /** what the person is typing, for the live preview of total, index and rank */
  onDraft(rowData: unknown, field: string, text: string | null): void;
}

/** A cell editor for scores: keeps the typed text (decimal comma allowed) and reports it as it changes. */
export function ScoreEditor(props: CustomCellEditorProps) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => {
    const key = props.eventKey;
    if (key && key.length === 1) return key;
    if (key === 'Backspace' || key === 'Delete') return '';
    return typeof props.value === 'number' ? formatScore(props.value) : String(props.value ?? '');
  });
  const context = props.context as ScoreEditorContext;
  const field = props.colDef.colId ?? props.colDef.field ?? '';

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    if (props.eventKey && props.eventKey.length === 1) el.setSelectionRange(el.value.length, el.value.length);
    else el.select();
    if (text !== (typeof props.value === 'number' ? formatScore(props.value) : '')) {
      props.onValueChange(text);
      context.onDraft(props.data, field, text);
    }
    return () => context.onDraft(props.data, field, null);
  }, []);

  return (
    <input
      ref={input}
      className="score-editor"
      value={text}
      inputMode="decimal"
      aria-label="Điểm"
      onChange={(e) => {
        setText(e.target.value);
        props.onValueChange(e.target.value);
        context.onDraft(props.data, field, e.target.value);
      }}
    />
  );
}
