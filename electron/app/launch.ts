import path from 'node:path';
import { WORKSPACE_EXTENSION } from '../db/open';

/** The workspace file named on a command line ("PAR Workbench.exe D:\\CCHC\\2025.parws"), if any. */
export function workspaceArgument(argv: string[]): string | null {
  const found = argv.slice(1).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith(WORKSPACE_EXTENSION));
  return found ? path.resolve(found) : null;
}
