// Problems with their places (file, sheet, cell or row): a refusal of a file or a form lists
// each bad place, not only the first. A file refused for one reason often has it in every
// row, so a long list shows its first few until the person asks for all.
import { useEffect, useRef, useState } from 'react';
import { describeLocation, type Problem, type ProblemHint } from '../../shared/errors';
import { formatNumber } from '../../shared/format';

/** Problems listed before "show all". */
const PROBLEMS_SHOWN = 5;

/** What fixes a problem, named as the screen names it. */
const SCREEN_HINTS: Record<ProblemHint, string> = {
  unit: 'ô "Chọn đơn vị của cả tệp" khi ánh xạ cột',
  'mapping-profile': 'ô "Tên hồ sơ ánh xạ" khi ánh xạ cột',
  'survey-template': 'nút "Tải phiếu nhập mẫu (Excel)"',
  'survey-link': 'thẻ "Điểm khảo sát vào Chỉ số CCHC"',
  overwrite: 'đồng ý ghi đè khi hộp thoại lưu tệp hỏi',
};

/** A problem's message with what fixes it on this screen. */
export function forScreen(p: Problem): string {
  return p.hint ? `${p.message} (${SCREEN_HINTS[p.hint]})` : p.message;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface ItemsProps {
  problems: Problem[];
  /** false where the file is named above the list */
  withFile?: boolean;
}

/** The list itself, for a box of its own or under a message. */
export function ProblemItems({ problems, withFile = true }: ItemsProps) {
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, PROBLEMS_SHOWN);
  return (
    <>
      <ul className={`problem-list${all ? ' problem-list-all' : ''}`}>
        {shown.map((p, i) => {
          const where = describeLocation(withFile ? p : { ...p, file: undefined });
          const text = forScreen(p);
          return (
            <li key={i}>
              {where && <span className="problem-where">{capitalised(where)}: </span>}
              {where ? text : capitalised(text)}
            </li>
          );
        })}
      </ul>
      {problems.length > PROBLEMS_SHOWN && (
        <button type="button" className="link" onClick={() => setAll(!all)}>
          {all ? 'Thu gọn' : `Xem tất cả ${formatNumber(problems.length)} lỗi`}
        </button>
      )}
    </>
  );
}

interface ListProps extends ItemsProps {
  title: string;
  testId: string;
  /** scrolls the box into sight when it appears or changes (it may open below the fold) */
  reveal?: boolean;
}

/** A refusal shown beside what it concerns: a title, then the problems. */
export function ProblemList({ title, problems, testId, withFile = false, reveal = false }: ListProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reveal) box.current?.scrollIntoView({ block: 'nearest' });
  }, [reveal, problems]);
  return (
    <div className="problems problem-box" role="alert" data-testid={testId} ref={box}>
      <strong>{title}</strong>
      <ProblemItems problems={problems} withFile={withFile} />
    </div>
  );
}
