import type { AppServices } from './handlers';

/** The services the app uses beyond the workspace: one place, shared by the window and its tests. */
export function appServices(): AppServices {
  return {};
}
