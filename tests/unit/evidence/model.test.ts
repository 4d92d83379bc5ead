// The pure rules of evidence: leaf codes at the start of names, names listed in the form's
// cell (accents, case, NFC/NFD), the order of linking, Windows names, sizes and the zoom.
import { describe, expect, it } from 'vitest';
import { formatBytes, leadingCode, linkEvidence, listedNameMatches, listedNames, windowsNameProblem } from '../../../shared/evidence/model';
import { evidenceLines, refusedResult } from '../../../renderer/features/forms/model';
import { nextZoom } from '../../../renderer/features/evidence/model';

const CODES = ['1.1', '1.2', '1.2.1', 'II.3', '10.1'];

describe('linking evidence to leaves', () => {
  it('reads the longest code a name opens with, as written in the framework', () => {
    expect(leadingCode('1.2 Kế hoạch.pdf', CODES)).toBe('1.2');
    expect(leadingCode('1.2_Kế hoạch.pdf', CODES)).toBe('1.2');
    expect(leadingCode('1.2-Kế hoạch.pdf', CODES)).toBe('1.2');
    expect(leadingCode('1.2.1 Báo cáo.pdf', CODES)).toBe('1.2.1');
    expect(leadingCode('1.2 - Ke hoach', CODES)).toBe('1.2');
    expect(leadingCode('1.2', CODES)).toBe('1.2');
    expect(leadingCode('ii.3 quyết định.pdf', CODES)).toBe('II.3');
    expect(leadingCode('1.23 Báo cáo.pdf', CODES)).toBeNull();
    expect(leadingCode('11.1 x.pdf', CODES)).toBeNull();
    expect(leadingCode('Kế hoạch 1.2.pdf', CODES)).toBeNull();
  });

  it('matches names of the evidence cell ignoring accents, case, NFC/NFD and the extension', () => {
    expect(listedNames('Kế hoạch số 12/KH; Báo cáo\n- Quyết định khen thưởng')).toEqual(['Kế hoạch số 12/KH', 'Báo cáo', 'Quyết định khen thưởng']);
    expect(listedNameMatches('Quyết định khen thưởng', 'quyet dinh KHEN THUONG.pdf'.normalize('NFD'))).toBe(true);
    expect(listedNameMatches('Quyết định khen thưởng.pdf', 'Quyết định khen thưởng.pdf'.normalize('NFD'))).toBe(true);
    expect(listedNameMatches('Kế hoạch CCHC (KH-CCHC-2025.pdf)', 'KH-CCHC-2025.pdf')).toBe(true);
    expect(listedNameMatches('Báo cáo', 'Báo cáo quý.pdf')).toBe(false);
  });

  it('links by folder first, then by name prefix, then by the cell, else leaves the file unassigned', () => {
    const cells = new Map([
      ['1.1', 'Ảnh hội nghị'],
      ['1.2', 'Ảnh hội nghị'],
    ]);
    expect(linkEvidence({ folders: ['SNV-2025', '1.2 - Kế hoạch'], name: '1.1 x.pdf' }, CODES, cells)).toEqual({ codes: ['1.2'], by: 'folder' });
    expect(linkEvidence({ folders: ['SNV-2025'], name: '1.1 x.pdf' }, CODES, cells)).toEqual({ codes: ['1.1'], by: 'prefix' });
    expect(linkEvidence({ folders: [], name: 'anh hoi nghi.png' }, CODES, cells)).toEqual({ codes: ['1.1', '1.2'], by: 'form' });
    expect(linkEvidence({ folders: [], name: 'khác.png' }, CODES, cells)).toEqual({ codes: [], by: 'none' });
  });

  it('names what Windows cannot store', () => {
    expect(windowsNameProblem('Báo cáo.pdf')).toBeNull();
    expect(windowsNameProblem('a:b.pdf')).toMatch(/ký tự Windows/);
    expect(windowsNameProblem('tên.')).toMatch(/dấu chấm/);
    expect(windowsNameProblem('LPT1.txt')).toMatch(/thiết bị/);
  });
});

describe('evidence as the screens say it', () => {
  it('writes sizes the Vietnamese way and steps the zoom', () => {
    expect(formatBytes(800)).toBe('800 byte');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(nextZoom(1, 1)).toBe(1.25);
    expect(nextZoom(1, -1)).toBe(0.75);
    expect(nextZoom(3, 1)).toBe(3);
  });

  it('lists in the import table what came with a form and what is missing', () => {
    const r = {
      ...refusedResult('/x/SNV-2025.xlsx', ''),
      status: 'imported' as const,
      errors: [],
      evidence: { source: 'SNV-2025.zip', files: 3, added: 3, unchanged: 0, unassigned: ['a.png'], notReceived: [{ criterion: '1.2', name: 'Báo cáo' }] },
      missingEvidence: ['1.3'],
    };
    expect(evidenceLines(r)).toEqual([
      { kind: 'info', text: 'Tài liệu kiểm chứng (SNV-2025.zip): 3 tệp, 3 tài liệu mới' },
      { kind: 'warning', text: 'Chưa gán tiêu chí (gán trong Thẩm định): a.png' },
      { kind: 'warning', text: 'Tiêu chí 1.2 ghi tài liệu "Báo cáo" nhưng không nhận được tệp' },
      { kind: 'warning', text: 'Thiếu tài liệu kiểm chứng: 1.3' },
    ]);
  });
});
