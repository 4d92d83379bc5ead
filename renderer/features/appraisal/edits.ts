// The block being appraised as one piece of state: what the main process sent, the scores on
// screen, the undo and redo lists, and the saved results (with the change on last year). A
// change shows at once and is saved after; a save the main process refuses is taken back
// here, and its edit leaves (or returns to) the list it came from.
import type { ScoreChangeInput } from '../../../shared/contract';
import type { YearResults } from '../../../shared/domain';
import { applyLocally, indexScores, inverseOf, type BlockData, type ScoreMap } from './model';

/** Where a change comes from, as the audit trail records it. */
export type Source = 'appraisal' | 'paste' | 'accept-self' | 'undo' | 'redo';

/** One step of the undo list: the changes made and those that put back what they overwrote. */
export interface Edit {
  forward: ScoreChangeInput[];
  backward: ScoreChangeInput[];
}

export interface BlockEdits {
  data: BlockData | null;
  scores: ScoreMap;
  undo: Edit[];
  redo: Edit[];
  /** the results as saved, read back once edits pause */
  saved: YearResults | null;
}

export type BlockEvent =
  | { type: 'loaded'; data: BlockData }
  | { type: 'perform'; changes: ScoreChangeInput[] }
  | { type: 'travel'; direction: 'undo' | 'redo' }
  /** the main process refused to save `changes`, sent for `source` */
  | { type: 'refused'; changes: ScoreChangeInput[]; source: Source }
  | { type: 'savedResults'; results: YearResults };

export const noBlock: BlockEdits = { data: null, scores: new Map(), undo: [], redo: [], saved: null };

/** The edit `travel` would take: the last of the undo or the redo list. */
export function nextEdit(state: BlockEdits, direction: 'undo' | 'redo'): Edit | undefined {
  return (direction === 'undo' ? state.undo : state.redo).at(-1);
}

const without = (list: Edit[], edit: Edit) => list.filter((e) => e !== edit);

export function blockReducer(state: BlockEdits, event: BlockEvent): BlockEdits {
  switch (event.type) {
    case 'loaded':
      return { data: event.data, scores: indexScores(event.data.scores), undo: [], redo: [], saved: event.data.results };
    case 'perform': {
      const edit: Edit = { forward: event.changes, backward: inverseOf(state.scores, event.changes) };
      return { ...state, scores: applyLocally(state.scores, edit.forward), undo: [...state.undo, edit], redo: [] };
    }
    case 'travel': {
      const edit = nextEdit(state, event.direction);
      if (!edit) return state;
      return event.direction === 'undo'
        ? { ...state, scores: applyLocally(state.scores, edit.backward), undo: state.undo.slice(0, -1), redo: [...state.redo, edit] }
        : { ...state, scores: applyLocally(state.scores, edit.forward), undo: [...state.undo, edit], redo: state.redo.slice(0, -1) };
    }
    case 'refused': {
      // an undo sent the edit's backward changes and moved it to the redo list; the others sent its forward ones
      const undone = event.source === 'undo';
      const edit = (undone ? state.redo : state.undo).find((e) => (undone ? e.backward : e.forward) === event.changes);
      if (!edit) return state;
      if (undone) return { ...state, scores: applyLocally(state.scores, edit.forward), redo: without(state.redo, edit), undo: [...state.undo, edit] };
      const scores = applyLocally(state.scores, edit.backward);
      // a refused redo goes back to the redo list; a refused new change is forgotten
      if (event.source === 'redo') return { ...state, scores, undo: without(state.undo, edit), redo: [...state.redo, edit] };
      return { ...state, scores, undo: without(state.undo, edit) };
    }
    case 'savedResults':
      return { ...state, saved: event.results };
  }
}
