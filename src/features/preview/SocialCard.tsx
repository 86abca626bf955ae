import buttons from '../../ui/Button.module.css';
import { CARD_HEIGHT, CARD_WIDTH, READABLE_HEADLINE_SIZE } from '../../ui/socialCard';
import type { SocialCardState } from './useSocialCard';
import styles from './TravelPreviews.module.css';

function statusOf(state: SocialCardState, outOfDate: boolean): string {
  if (state.error !== null) return `The card could not be drawn: ${state.error.replace(/\.+$/, '')}.`;
  if (state.drawing) return state.card ? 'Drawing the card again for the latest draft…' : 'Drawing the card as the build will…';
  if (state.card === null) return 'The card is drawn once the draft can be shown.';
  if (outOfDate) return 'Out of date: the draft cannot be parsed, so this is the card of the last version that could be shown.';
  const { headlineSize, imageNote } = state.card;
  return `The card the build will make, ${CARD_WIDTH} × ${CARD_HEIGHT}: the headline drawn at ${headlineSize} px${
    headlineSize < READABLE_HEADLINE_SIZE ? `, below a readable ${READABLE_HEADLINE_SIZE} px` : ''
  }.${imageNote !== undefined ? ` Note: ${imageNote}.` : ''}`;
}

interface SocialCardProps {
  readonly state: SocialCardState;
  readonly outOfDate: boolean;
}

/** The draft's real social card (drawn in a worker; see useSocialCard), as a network shows it. */
export function SocialCardImage({ state, outOfDate }: SocialCardProps) {
  const { card, error, drawing } = state;
  const stale = outOfDate || error !== null || (drawing && card !== null);
  return (
    <div className={styles.cardFrame} data-stale={stale || undefined} aria-busy={drawing}>
      {card ? (
        <img className={styles.cardImage} src={card.url} alt={card.headline} width={CARD_WIDTH} height={CARD_HEIGHT} data-social-card="" />
      ) : (
        <div className={styles.cardPlaceholder} data-drawing={drawing || undefined} />
      )}
    </div>
  );
}

/** What is happening to the card: being drawn, drawn (and how), out of date, or failed (with a retry). */
export function SocialCardStatus({ state, outOfDate }: SocialCardProps) {
  const failed = state.error !== null;
  return (
    <div className={styles.cardStatus} data-tone={failed || outOfDate ? 'error' : undefined}>
      <p role="status">{statusOf(state, outOfDate)}</p>
      {failed ? (
        <button type="button" className={buttons.secondary} onClick={state.retry}>
          Draw the card again
        </button>
      ) : null}
    </div>
  );
}
