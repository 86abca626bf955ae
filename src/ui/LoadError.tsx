import { ContentError } from '../content/fetchContent';
import { StatusPage } from './StatusPage';
import buttons from './Button.module.css';

interface LoadErrorProps {
  readonly error: unknown;
  /** What failed to load, for the message: "the list of stories". */
  readonly what: string;
  readonly onRetry: () => void;
  readonly retrying: boolean;
}

function explain(error: unknown, what: string): { title: string; detail: string } {
  if (error instanceof ContentError) {
    switch (error.kind) {
      case 'invalid':
        return { title: 'This can’t be shown', detail: error.message };
      case 'timeout':
        return { title: 'This is taking too long', detail: `The newsroom took too long to send ${what}. Check your connection and try again.` };
      case 'server':
        return { title: 'Something went wrong on our side', detail: `${error.message} We couldn’t load ${what}; please try again.` };
      case 'network':
        return { title: 'You seem to be offline', detail: `We couldn’t reach the newsroom to load ${what}. Check your connection and try again.` };
      case 'not-found':
        return { title: 'Not found', detail: `We couldn’t find ${what}.` };
    }
  }
  return { title: 'Something went wrong', detail: `We couldn’t load ${what}.` };
}

/** A failed load, explained, with a retry that says when it is working. */
export function LoadError({ error, what, onRetry, retrying }: LoadErrorProps) {
  const { title, detail } = explain(error, what);
  return (
    <StatusPage
      title={title}
      tone="error"
      actions={
        <button
          type="button"
          className={buttons.button}
          // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
          aria-disabled={retrying}
          onClick={() => {
            if (!retrying) onRetry();
          }}
        >
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      }
    >
      <p role="alert">{detail}</p>
    </StatusPage>
  );
}
