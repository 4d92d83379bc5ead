import { Workspace } from '../../electron/db/workspace';

/** Runs `fn` on the workspace file opened for it, closed after (as each command of the CLI does). */
export function withWs<T>(file: string, fn: (ws: Workspace) => T): T {
  const ws = Workspace.open(file);
  try {
    return fn(ws);
  } finally {
    ws.close();
  }
}
