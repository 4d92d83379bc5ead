import type { PageProps } from '../Shell';

export function FrameworkPage(_props: PageProps) {
  return <p className="muted">Đang xây dựng.</p>;
}
