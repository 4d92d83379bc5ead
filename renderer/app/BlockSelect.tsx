/** A block to choose from a list (of the workspace, or of a year); `all` names a first choice meaning every block (value ""). */
export function BlockSelect({
  blocks,
  value,
  onChange,
  ariaLabel = 'Khối',
  all,
}: {
  blocks: readonly { code: string; name: string }[];
  value: string;
  onChange(code: string): void;
  ariaLabel?: string;
  all?: string;
}) {
  return (
    <label>
      Khối
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={ariaLabel}>
        {all !== undefined && <option value="">{all}</option>}
        {blocks.map((b) => (
          <option key={b.code} value={b.code}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
}
