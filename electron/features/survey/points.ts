// Survey points follow the survey: when the forms, questionnaire or counting rules of a year
// change, the linked PAR leaves of that year take their new points in the same transaction.
import type { Workspace } from '../../db/workspace';
import { applyLinkedSurveyPoints } from './apply';

/** Wires the recomputation of survey points to a workspace's survey changes. */
export function subscribeSurveyPoints(ws: Workspace): () => void {
  return ws.on('survey-changed', (w, event) => {
    event.pointsUpdated += applyLinkedSurveyPoints(w, event.year, event.actor);
  });
}
