// What the main process and the browser test harness take from the app room.
export { AppSession, SAMPLE_FILE_NAME, type AppOptions } from './session';
export { dispatch, toFailure } from './dispatch';
export { DIALOGS, FILE_FILTERS, type DialogPurpose, type DialogSpec, type PickFiles } from './dialogs';
export { workspaceArgument } from './launch';
