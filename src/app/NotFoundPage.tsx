import { Link } from '../ui/Link';
import { StatusPage } from '../ui/StatusPage';
import buttons from '../ui/Button.module.css';

interface NotFoundPageProps {
  readonly what?: 'page' | 'story';
}

export function NotFoundPage({ what = 'page' }: NotFoundPageProps) {
  return (
    <StatusPage
      title={what === 'story' ? 'Story not found' : 'Page not found'}
      actions={
        <Link to="/" className={buttons.button}>
          Go to the front page
        </Link>
      }
    >
      <p>
        {what === 'story'
          ? 'We couldn’t find that story. It may have been moved or taken down, or the link may be mistyped.'
          : 'There is nothing at this address. The link may be mistyped or out of date.'}
      </p>
    </StatusPage>
  );
}
