// The workspace a command works on: opened with every feature's subscriptions, always closed.
import { openWorkspace } from '../app/open';
import type { Workspace } from '../db/workspace';

export async function withWorkspace<T>(file: string, fn: (ws: Workspace) => Promise<T> | T): Promise<T> {
  const ws = openWorkspace(file);
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}
