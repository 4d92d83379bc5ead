import { createDemoWorkspace } from '../demo';
import { exportFrameworkFile, importFrameworkFile } from '../imports';
import type { AppServices } from './handlers';

/** The services the app uses beyond the workspace: one place, shared by the window and its tests. */
export function appServices(): AppServices {
  return {
    createSample: (file) => createDemoWorkspace(file),
    importFramework: async (ws, year, blockCode, file) => (await importFrameworkFile(ws, year, blockCode, file)).nodes,
    exportFramework: (ws, year, blockCode, file) => exportFrameworkFile(ws, year, blockCode, file),
  };
}
