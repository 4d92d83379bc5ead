// The grid's editor of scores: keeps the text as typed (decimal comma allowed) and reports it
// as it changes, for the live preview of total, index and rank beside the grid.
import { useEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { formatNumber } from '../../shared/format';

/** A score as the grid shows it: up to three decimals, blank when there is none. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatNumber(value, 3);
}

export interface ScoreEditorContext {
  /** what the person is typing, for the live preview of total, index and rank */
  onDraft(rowData: unknown, field: string, text: string | null): void;
}

/** The text an edit starts with: the key that started it, nothing after Delete, else the score. */
function startingText(eventKey: string | null | undefined, value: unknown): string {
  if (eventKey && eventKey.length === 1) return eventKey;
  if (eventKey === 'Backspace' || eventKey === 'Delete') return '';
  return typeof value === 'number' ? formatScore(value) : String(value ?? '');
}

/** A cell editor for scores: keeps the typed text (decimal comma allowed) and reports it as it changes. */
export function ScoreEditor({ eventKey, value, onValueChange, context, data, colDef }: CustomCellEditorProps) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => startingText(eventKey, value));
  const { onDraft } = context as ScoreEditorContext;
  const field = colDef.colId ?? colDef.field ?? '';

  // Once, when the edit starts: the grid hands the editor a new value (and new callbacks) on
  // every keystroke, and running this again would select the text being typed.
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    if (eventKey && eventKey.length === 1) el.setSelectionRange(el.value.length, el.value.length);
    else el.select();
    if (text !== (typeof value === 'number' ? formatScore(value) : '')) {
      onValueChange(text);
      onDraft(data, field, text);
    }
    return () => onDraft(data, field, null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the edit's start and end only, see above
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
        onValueChange(e.target.value);
        onDraft(data, field, e.target.value);
      }}
    />
  );
}
