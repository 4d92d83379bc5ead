import type { PageProps } from '../Shell';

export function UnitsPage(_props: PageProps) {
  return <p className="muted">Đang xây dựng.</p>;
}
