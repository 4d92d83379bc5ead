import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../electron/app';
import { tempDir } from '../../helpers/tmp';

describe('what the app opens at start', () => {
  it('opens the demo workspace for someone who has never opened one, the start screen otherwise', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'app-data');
    const first = new AppSession({ dataDir, pickFiles: async () => null });
    const opened = await first.openAtStart();
    expect(opened.workspace).toMatchObject({ sample: true, province: 'Tỉnh Mẫu' });
    expect(opened.workspace!.periods.map((p) => p.year)).toEqual([2023, 2024, 2025]);
    first.close();

    // the next start finds a recent file and shows the start screen with it
    const second = new AppSession({ dataDir, pickFiles: async () => null });
    const shown = await second.openAtStart();
    expect(shown.workspace).toBeNull();
    expect(shown.recent.map((r) => r.name)).toEqual([path.basename(opened.workspace!.file)]);
  });
});
