export { AppSession, groupActivity, SAMPLE_FILE_NAME, type AppOptions, type AppServices } from './session';
export { dispatch, toFailure } from './dispatch';
export { DIALOGS, FILE_FILTERS, type DialogPurpose, type DialogSpec, type PickFiles } from './dialogs';
export { appServices } from './services';
export { workspaceArgument } from './launch';
