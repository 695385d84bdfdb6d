import type { ReactNode } from 'react';

interface NoticeBannerProps {
  message: string;
  children?: ReactNode;
  testId?: string;
}

/** A message above the editor with its own actions (deleted on disk, unencodable, moved to trash). */
export function NoticeBanner(props: NoticeBannerProps): React.JSX.Element {
  return (
    <div className="banner" role="alert" data-testid={props.testId}>
      <span>{props.message}</span>
      {props.children}
    </div>
  );
}
