import type { PageProps } from '../Shell';

export function FormsPage(_props: PageProps) {
  return <p className="muted">Đang xây dựng.</p>;
}
