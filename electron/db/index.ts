export { Workspace } from './workspace';
export type { ScorePatch, ScoreChange, ChangeContext, UnitInput, FrameworkSummary } from './workspace';
export { openDatabase, migrate, APPLICATION_ID, WORKSPACE_EXTENSION, LATEST_SCHEMA_VERSION } from './open';
