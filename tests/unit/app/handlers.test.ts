import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../../shared/contract';
import { AppSession, dispatch, workspaceArgument, type DialogPurpose } from '../../../electron/app';
import { tempDir } from '../../helpers/tmp';
import { getFramework } from '../../../electron/features/framework/store';
import { upsertUnits } from '../../../electron/features/units/service';
import { listUnits } from '../../../electron/features/units/store';

function session(dir: string, answers: Partial<Record<DialogPurpose, string[] | null>>) {
  return new AppSession({ dataDir: path.join(dir, 'app-data'), pickFiles: async (purpose) => answers[purpose] ?? null });
}

describe('the contract and its handlers', () => {
  it('has a handler for every channel and no handler outside the contract', () => {
    const s = session(tempDir(), {});
    expect(Object.keys(s.handlers).sort()).toEqual([...channels].sort());
    for (const c of channels) {
      expect(contract[c].input).toBeDefined();
      expect(contract[c].output).toBeDefined();
    }
  });

  it('refuses unknown channels and malformed payloads, and keeps a refusal\'s places', async () => {
    const s = session(tempDir(), {});
    const unknown = await dispatch(s.handlers, 'fs:readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, failure: { kind: 'internal' } });
    const malformed = await dispatch(s.handlers, 'scores:apply', { year: 'năm nay', changes: [] });
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(malformed.failure.message).toContain('Dữ liệu gửi tới không hợp lệ');
    const extra = await dispatch(s.handlers, 'session:get', { file: '/etc/passwd' });
    expect(extra.ok).toBe(false);
    const noWorkspace = await dispatch(s.handlers, 'results:get', { year: 2025 });
    expect(noWorkspace).toMatchObject({ ok: false, failure: { kind: 'user', message: expect.stringContaining('Chưa mở tệp dữ liệu') } });
  });

  it('creates, backs up, restores and reopens workspaces through the dialogs, remembering recent files', async () => {
    const dir = tempDir();
    const answers: Partial<Record<DialogPurpose, string[] | null>> = { 'create-workspace': [path.join(dir, 'cchc')] };
    const s = session(dir, answers);
    const created = await dispatch(s.handlers, 'workspace:create', {});
    expect(created).toMatchObject({ ok: true, value: { cancelled: false, value: { workspace: { name: 'cchc.parws' } } } });
    upsertUnits(s.workspace!, [{ code: 'SNV', name: 'Sở Nội vụ', blockCode: 'so' }]);

    answers.backup = [path.join(dir, 'sao-luu.parws')];
    expect(await dispatch(s.handlers, 'workspace:backup', {})).toMatchObject({ ok: true, value: { cancelled: false } });
    upsertUnits(s.workspace!, [{ code: 'STP', name: 'Sở Tư pháp', blockCode: 'so' }]);

    answers['restore-source'] = [path.join(dir, 'sao-luu.parws')];
    answers['restore-target'] = [path.join(dir, 'khoi-phuc.parws')];
    const restored = await dispatch(s.handlers, 'workspace:restore', {});
    expect(restored.ok).toBe(true);
    expect(s.workspace!.file).toBe(path.join(dir, 'khoi-phuc.parws'));
    expect(listUnits(s.workspace!).map((u) => u.code)).toEqual(['SNV']);

    const recent = await s.handlers['session:get']({});
    expect(recent.recent.map((r) => r.name)).toEqual(['khoi-phuc.parws', 'cchc.parws']);

    // a backup of a file that is not open, from the start screen
    answers['backup-source'] = [path.join(dir, 'cchc.parws')];
    answers.backup = [path.join(dir, 'cchc-2.parws')];
    expect(await dispatch(s.handlers, 'workspace:backupFile', {})).toMatchObject({ ok: true, value: { cancelled: false } });
    expect(s.workspace!.file).toBe(path.join(dir, 'khoi-phuc.parws'));
    const { Workspace } = await import('../../../electron/db/workspace');
    const copy = Workspace.open(path.join(dir, 'cchc-2.parws'));
    expect(listUnits(copy).map((u) => u.code)).toEqual(['SNV', 'STP']);
    copy.close();

    answers['create-workspace'] = null;
    expect(await dispatch(s.handlers, 'workspace:create', {})).toEqual({ ok: true, value: { cancelled: true } });
    const missing = await dispatch(s.handlers, 'workspace:openRecent', { file: path.join(dir, 'khong-co.parws') });
    expect(missing).toMatchObject({ ok: false, failure: { kind: 'user' } });
    // a file of the recent list opens; a workspace that exists but is not on the list does not
    const reopened = await dispatch(s.handlers, 'workspace:openRecent', { file: recent.recent[1].file });
    expect(reopened).toMatchObject({ ok: true, value: { workspace: { name: 'cchc.parws' } } });
    const notListed = await dispatch(s.handlers, 'workspace:openRecent', { file: path.join(dir, 'cchc-2.parws') });
    expect(notListed).toMatchObject({ ok: false, failure: { kind: 'user', message: expect.stringContaining('danh sách tệp mở gần đây') } });
    expect(s.workspace!.file).toBe(path.join(dir, 'cchc.parws'));
    // the app marks the file it holds for other copies of the app, and lets go of it on close
    expect(fs.existsSync(path.join(dir, 'cchc.parws-holder'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'khoi-phuc.parws-holder'))).toBe(false);
    s.close();
    expect(fs.existsSync(path.join(dir, 'cchc.parws-holder'))).toBe(false);
  });

  it('refuses a framework whose parent maximum is not the sum of its children, saving nothing', async () => {
    const dir = tempDir();
    const s = session(dir, { 'create-workspace': [path.join(dir, 'a.parws')] });
    await dispatch(s.handlers, 'workspace:create', {});
    const node = { source: 'self', method: 'free', tiers: null, evidenceRequired: false, guidance: null } as const;
    const nodes = [
      { ...node, code: 'I', parentCode: null, level: 1, title: 'Chỉ đạo, điều hành', maxPoints: 3 },
      { ...node, code: '1.1', parentCode: 'I', level: 2, title: 'Kế hoạch CCHC', maxPoints: 1 },
      { ...node, code: '1.2', parentCode: 'I', level: 2, title: 'Báo cáo CCHC', maxPoints: 1.5 },
    ];
    const refused = await dispatch(s.handlers, 'framework:save', { year: 2025, blockCode: 'so', nodes });
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'user', message: expect.stringContaining('Điểm tối đa của mục I là 3') } });
    expect(getFramework(s.workspace!, 2025, 'so')).toBeNull();
    nodes[0].maxPoints = 2.5;
    expect(await dispatch(s.handlers, 'framework:save', { year: 2025, blockCode: 'so', nodes })).toEqual({ ok: true, value: { saved: true } });
    s.close();
  });

  it('takes a workspace path from the command line', () => {
    expect(workspaceArgument(['PAR Workbench.exe', '--flag', 'D:\\CCHC\\2025.parws'])).toMatch(/2025\.parws$/);
    expect(workspaceArgument(['electron', '.'])).toBeNull();
  });
});
