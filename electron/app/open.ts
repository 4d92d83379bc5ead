// Opening a workspace for use, by the app and the command line alike: the file opened (or
// created) and the features' reactions to each other's changes wired to it.
import type { OpenOptions } from '../db/open';
import { Workspace } from '../db/workspace';
import { subscribeSurveyPoints } from '../features/survey/points';

/** Opens (or with `create`, creates) a workspace with every feature's subscriptions in place. */
export function openWorkspace(file: string, options: OpenOptions = {}): Workspace {
  const { create, ...rest } = options;
  const ws = create ? Workspace.create(file, rest) : Workspace.open(file, rest);
  subscribeSurveyPoints(ws);
  return ws;
}
