// Which row of a returned form is which leaf of the framework: by the hidden code column
// when the form carries it, else by STT and title; and how the form's rows differ from the
// framework the workspace holds (a form made from an older version of it).
import type { CriterionNode } from '../../../shared/domain';
import { formatNumber } from '../../../shared/format';
import { leafCodes } from '../../../shared/results';
import { matchKey } from '../../../shared/text';
import type { FormRow } from './read-form';

export interface RowProblem {
  cell?: string;
  message: string;
}

export interface FormMatch {
  /** leaf code → the form row that scores it */
  leafRows: Map<string, FormRow>;
  errors: RowProblem[];
  warnings: RowProblem[];
  /** the differences between the form's rows and the framework, in words */
  differences: string[];
}

/** "1.1.", " I ", "1.1" → a key equal for the same code written slightly differently. */
export function codeKey(code: string): string {
  return code.normalize('NFC').replace(/\s+/g, '').replace(/\.+$/, '').toUpperCase();
}

/** Whether two titles, given as matchKey keys, name the same thing (one may be abridged). */
function titlesAgree(x: string, y: string): boolean {
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 12 && long.includes(short);
}

function rowLabel(row: FormRow): string {
  const id = row.stt ?? row.code;
  return id ? `dòng ${row.rowNumber} (STT ${id})` : `dòng ${row.rowNumber}`;
}

function hasValue(row: FormRow): boolean {
  return row.self.value !== null && row.self.value !== '';
}

/**
 * Matches form rows to framework nodes. `byCode` trusts the hidden code column (forms this
 * program wrote; with `sameFramework` their titles need no second look); otherwise STT codes
 * are checked against titles and titles alone are used when STT is missing or points elsewhere.
 */
export function matchFormRows(
  rows: FormRow[],
  nodes: CriterionNode[],
  { byCode, sameFramework }: { byCode: boolean; sameFramework: boolean },
): FormMatch {
  const leafSet = leafCodes(nodes);
  const titleKey = new Map(nodes.map((n) => [n.code, matchKey(n.title)]));
  const nodeByKey = new Map(nodes.map((n) => [codeKey(n.code), n]));
  const nodesByTitle = new Map<string, CriterionNode[]>();
  for (const n of nodes) {
    const k = titleKey.get(n.code)!;
    nodesByTitle.set(k, [...(nodesByTitle.get(k) ?? []), n]);
  }
  const byTitle = (rowKey: string | null): CriterionNode | null => {
    if (!rowKey) return null;
    const exact = nodesByTitle.get(rowKey);
    if (exact?.length === 1) return exact[0];
    const close = nodes.filter((n) => titlesAgree(titleKey.get(n.code)!, rowKey));
    return close.length === 1 ? close[0] : null;
  };

  const result: FormMatch = { leafRows: new Map(), errors: [], warnings: [], differences: [] };
  const unmatched: FormRow[] = [];
  for (const row of rows) {
    const rowKey = row.title && !(byCode && sameFramework) ? matchKey(row.title) : null;
    let node: CriterionNode | null = null;
    if (byCode && row.code) {
      node = nodeByKey.get(codeKey(row.code)) ?? null;
      if (node && rowKey && !titlesAgree(titleKey.get(node.code)!, rowKey)) {
        result.differences.push(`tiêu chí ${node.code} có nội dung khác: biểu mẫu ghi "${row.title}", bộ chỉ số ghi "${node.title}"`);
      }
    } else {
      const fromStt = row.stt ? nodeByKey.get(codeKey(row.stt)) ?? null : null;
      if (fromStt && (!rowKey || titlesAgree(titleKey.get(fromStt.code)!, rowKey))) node = fromStt;
      else {
        const fromTitle = byTitle(rowKey);
        if (fromTitle) {
          node = fromTitle;
          if (row.stt && codeKey(row.stt) !== codeKey(fromTitle.code)) {
            result.warnings.push({
              cell: row.self.cell || undefined,
              message: `${rowLabel(row)} được ghép với tiêu chí ${fromTitle.code} theo nội dung (STT trong biểu mẫu khác mã tiêu chí).`,
            });
          }
        } else if (fromStt) {
          node = fromStt;
          result.warnings.push({
            cell: row.self.cell || undefined,
            message: `${rowLabel(row)} được ghép với tiêu chí ${fromStt.code} theo STT, nhưng nội dung khác bộ chỉ số ("${fromStt.title}"); hãy kiểm tra lại.`,
          });
        }
      }
    }
    if (!node) {
      unmatched.push(row);
      continue;
    }
    if (!leafSet.has(node.code)) continue;
    const earlier = result.leafRows.get(node.code);
    if (earlier) {
      result.errors.push({
        cell: row.self.cell || undefined,
        message: `Tiêu chí ${node.code} xuất hiện hai lần (dòng ${earlier.rowNumber} và dòng ${row.rowNumber}); hãy xóa một dòng.`,
      });
      continue;
    }
    result.leafRows.set(node.code, row);
    if (row.max !== null && node.maxPoints !== null && Math.abs(row.max - node.maxPoints) > 1e-9) {
      result.differences.push(
        `tiêu chí ${node.code}: điểm tối đa trong biểu mẫu là ${formatNumber(row.max, 4)}, bộ chỉ số hiện hành là ${formatNumber(node.maxPoints, 4)}`,
      );
    }
  }
  for (const row of unmatched) {
    const label = row.stt ?? row.code ?? row.title ?? '';
    if (hasValue(row)) {
      result.warnings.push({
        cell: row.self.cell || undefined,
        message: `${rowLabel(row)} không khớp với tiêu chí nào của bộ chỉ số; điểm ở dòng này không được nhập.`,
      });
    }
    if (row.code || row.stt) result.differences.push(`biểu mẫu có mục ${label} không có trong bộ chỉ số hiện hành`);
  }
  const missing = nodes.filter((n) => leafSet.has(n.code) && n.source === 'self' && !result.leafRows.has(n.code));
  if (missing.length) {
    result.differences.push(`bộ chỉ số hiện hành có tiêu chí ${missing.map((n) => n.code).join(', ')} mà biểu mẫu không có`);
  }
  return result;
}
