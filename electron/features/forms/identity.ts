// Whose form a file is, as a person reads it: the printed heading ("Đơn vị: … (mã …)", "năm
// …") checked against the hidden identification sheet, which anyone can unhide and edit.
import type { Unit } from '../../../shared/domain';
import { matchKey } from '../../../shared/text';
import type { FormContent, FormMetadata } from './read-form';
import type { FormImportProblem } from './import';

/** What the printed heading of a form says about whose form it is, as a person reads it. */
interface HeadingIdentity {
  /** codes written as "(mã X)" */
  codes: string[];
  /** the name on the "Đơn vị: …" line, without its code */
  unitName: string | null;
  year: number | null;
}

function headingIdentity(content: FormContent): HeadingIdentity {
  const codes = content.headingTexts.flatMap((t) => [...t.matchAll(/\(\s*mã\s+([^)]+?)\s*\)/giu)].map((m) => m[1]));
  const line = content.headingTexts.find((t) => /^\s*đơn vị\s*:/iu.test(t.normalize('NFC')));
  const unitName = line ? line.normalize('NFC').replace(/^\s*đơn vị\s*:\s*/iu, '').replace(/\(\s*mã[^)]*\)/giu, '').trim() || null : null;
  let year: number | null = null;
  for (const h of content.headingTexts.map(matchKey)) {
    const m = /\bnam (\d{4})\b/.exec(h);
    if (m) {
      year = Number(m[1]);
      break;
    }
  }
  return { codes, unitName, year };
}

/**
 * A form whose hidden identification names one unit or year while its printed heading names
 * another was edited to pass as someone else's: refused, naming both.
 */
export function crossCheckHeading(content: FormContent, meta: FormMetadata, unit: Unit | null, sheet: string): FormImportProblem[] {
  const printed = headingIdentity(content);
  const problems: FormImportProblem[] = [];
  const named = meta.unitName ? `${meta.unitName} (mã ${meta.unitCode})` : `mã ${meta.unitCode}`;
  const tail = 'tệp có thể đã bị sửa để nộp thay đơn vị khác. Hãy đề nghị đơn vị gửi lại đúng biểu mẫu Sở Nội vụ đã gửi cho mình.';
  const otherCode = printed.codes.find((c) => c !== meta.unitCode);
  if (otherCode !== undefined) {
    problems.push({ sheet, message: `Phần đầu biểu in đơn vị mã ${otherCode} nhưng thông tin nhận dạng ẩn của biểu ghi ${named}; ${tail}` });
  } else if (printed.unitName !== null) {
    const names = [meta.unitName, unit?.name].filter((n): n is string => Boolean(n)).map(matchKey);
    if (names.length && !names.includes(matchKey(printed.unitName))) {
      problems.push({ sheet, message: `Phần đầu biểu in đơn vị "${printed.unitName}" nhưng thông tin nhận dạng ẩn của biểu ghi ${named}; ${tail}` });
    }
  }
  if (printed.year !== null && printed.year !== meta.year) {
    problems.push({ sheet, message: `Tiêu đề biểu in năm ${printed.year} nhưng thông tin nhận dạng ẩn của biểu ghi năm ${meta.year}; ${tail}` });
  }
  return problems;
}
