import type { TieRule } from '../../../shared/domain';
import type { ChannelOutput } from '../../../shared/contract';
import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';
import { useAction } from '../../app/messages';

export type Settings = ChannelOutput<'settings:get'>;
export interface DocumentFields {
  province: string;
  signPlace: string;
  signerTitle: string;
  signerName: string;
}

/**
 * The settings of the workspace and of this computer for the year on show, and what saves
 * them; the session is read again where the title bar shows what changed (the province, the
 * blocks).
 */
export function useSettings(year: number, onSessionChanged: () => void) {
  const { value, reload } = useCallResult('settings:get', { year });
  const { run } = useAction();
  const saved = async <T,>(action: () => Promise<T>, done: string, session = false) => {
    const r = await run(action, { done });
    if (r === undefined) return false;
    reload();
    if (session) onSessionChanged();
    return true;
  };
  return {
    settings: value,
    saveDocuments: (fields: DocumentFields) => saved(() => call('settings:saveDocuments', fields), 'Đã lưu thông tin tỉnh và người ký.', true),
    saveUserName: (name: string) => saved(() => call('settings:saveUserName', { name }), `Từ nay các thay đổi trên máy này ghi tên ${name.trim()}.`),
    addBlock: (code: string, name: string) => saved(() => call('settings:addBlock', { code, name }), `Đã thêm ${name}.`, true),
    removeBlock: (code: string, name: string) => saved(() => call('settings:removeBlock', { code }), `Đã xóa ${name}.`, true),
    saveBands: (blockCode: string, blockName: string, bands: string) =>
      saved(() => call('settings:saveBands', { year, blockCode, bands }), `Đã lưu mức xếp loại của ${blockName.toLowerCase()} năm ${year}.`),
    saveTies: (blockCode: string, blockName: string, ties: TieRule) =>
      saved(
        () => call('settings:saveTies', { year, blockCode, ties }),
        `${blockName} năm ${year}: ${ties === 'shared' ? 'chỉ số bằng nhau xếp đồng hạng' : 'xếp hạng liên tiếp theo chỉ số chưa làm tròn, tổng điểm, mã'}.`,
      ),
  };
}
