// What the shell gives every page: the open workspace, the year chosen, and a way to tell the
// shell the session changed (a framework saved, a year added).
import type { Session } from '../../shared/contract';
import type { PageKey } from './navigation';

export interface PageProps {
  workspace: NonNullable<Session['workspace']>;
  year: number;
  onSession(session: Session): void;
  /** opens another page of the sidebar (after asking about unsaved edits) */
  onNavigate(page: PageKey): void;
  /** chooses another year of the workspace (after asking about unsaved edits); false when it stays */
  onYear(year: number): boolean;
}
