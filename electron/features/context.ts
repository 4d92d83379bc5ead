// What a feature's handlers get from the session that combines them: the open workspace
// (or a refusal when none is open), the file dialogs of the main process, and the printer.
// Features never reach the session itself, so the app and the browser tests bind the very
// same handlers.
import type { Session } from '../../shared/workspace/channels';
import type { DialogPurpose } from '../app/dialogs';
import type { Workspace } from '../db/workspace';
import type { PdfPrinter } from '../print/chromium';

export interface HandlerContext {
  /** the open workspace; throws a UserError when none is open */
  workspace(): Workspace;
  /** one path from the dialog of `purpose`, or null when the person cancels */
  pickOne(purpose: DialogPurpose, defaultName?: string): Promise<string | null>;
  /** every path picked in the dialog of `purpose`, or null when the person cancels */
  pickMany(purpose: DialogPurpose): Promise<string[] | null>;
  /**
   * A file the person picked in a dialog, kept by the main process under a token the window
   * may send back later (to import what it previewed); the window never names a path itself.
   */
  rememberFile(file: string): string;
  /** the file kept under `token`; refuses a token the main process did not issue */
  fileOf(token: string): string;
  /** what the start screen and the title bar show: the open workspace's years, blocks, frameworks */
  session(): Session;
  /** the name of the person using this computer, written into the history of changes */
  userName(): string;
  /** keeps the person's name for this computer and gives it to the open workspace */
  setUserName(name: string): void;
  /** a printer of self-contained HTML documents to A4 PDF, for one batch */
  openPrinter(): Promise<PdfPrinter>;
  /** opens a file with the system's application for its kind (a Word or Excel document) */
  openWithSystem(file: string): Promise<void>;
}
