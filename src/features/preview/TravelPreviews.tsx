import { formatDateString } from '../../content/dates';
import type { Article } from '../../content/schema';
import { SITE_NAME } from '../../ui/site';
import { StoryTeaserView } from '../../ui/StoryTeaserView';
import { SocialCardImage, SocialCardStatus } from './SocialCard';
import { cutText, type Cut } from './travelCuts';
import type { SocialCardState } from './useSocialCard';
import { TRAVEL_LIMITS } from './warningThresholds';
import styles from './TravelPreviews.module.css';

/** Text as it travels: what is shown, then what is cut, struck through and said to be cut. */
function CutText({ cut }: { readonly cut: Cut }) {
  if (cut.cut === '') return cut.kept;
  return (
    <>
      {cut.kept}
      <span aria-hidden="true">…</span>
      <span className={styles.cut} data-cut="">
        <span className="visually-hidden"> (cut from here: </span>
        {cut.cut}
        <span className="visually-hidden">)</span>
      </span>
    </>
  );
}

function CutNote({ what, cut }: { readonly what: string; readonly cut: Cut }) {
  return (
    <li data-over={cut.cut !== '' || undefined}>
      {what}: {cut.length} characters
      {cut.cut === '' ? `, all shown (up to ${cut.limit})` : `, cut after about ${cut.limit}`}
    </li>
  );
}

function host(): string {
  return typeof window === 'undefined' ? 'dispatch' : window.location.host;
}

interface TravelPreviewsProps {
  readonly article: Article;
  /** The story's own social card, as the build will draw it. */
  readonly card: SocialCardState;
  /** The draft cannot be parsed: `article` is the last version that could be shown. */
  readonly outOfDate?: boolean;
}

/** How the story looks where it travels: the front page, a social card, a search result. */
export function TravelPreviews({ article, card, outOfDate = false }: TravelPreviewsProps) {
  const description = article.standfirst ?? article.body[0]?.text ?? '';
  const socialTitle = cutText(article.headline, TRAVEL_LIMITS.socialTitle);
  const socialDescription = cutText(description, TRAVEL_LIMITS.socialDescription);
  const searchTitle = cutText(`${article.headline} | ${SITE_NAME}`, TRAVEL_LIMITS.searchTitle);
  const searchDescription = cutText(description, TRAVEL_LIMITS.searchDescription);
  const published = formatDateString(article.published);

  return (
    <div className={styles.grid}>
      <section className={styles.card} aria-labelledby="travel-teaser">
        <h3 id="travel-teaser" className={styles.heading}>
          Front-page teaser
        </h3>
        <div className={styles.sample}>
          <StoryTeaserView
            entry={{ slug: article.slug, headline: article.headline, standfirst: article.standfirst, section: article.section, published: article.published }}
            headingLevel={4}
            link={false}
          />
        </div>
        <p className={styles.note}>The front page shows the whole headline and standfirst.</p>
      </section>

      <section className={styles.card} aria-labelledby="travel-social">
        <h3 id="travel-social" className={styles.heading}>
          Social card
        </h3>
        <div className={`${styles.sample} ${styles.social}`}>
          <SocialCardImage state={card} outOfDate={outOfDate} />
          <div className={styles.socialText}>
            <p className={styles.socialHost}>{host()}</p>
            <p className={styles.socialTitle}>
              <CutText cut={socialTitle} />
            </p>
            <p className={styles.socialDescription}>
              <CutText cut={socialDescription} />
            </p>
          </div>
        </div>
        <SocialCardStatus state={card} outOfDate={outOfDate} />
        <ul className={styles.notes}>
          <CutNote what="Title" cut={socialTitle} />
          <CutNote what={article.standfirst ? 'Description (the standfirst)' : 'Description (the first paragraph)'} cut={socialDescription} />
        </ul>
      </section>

      <section className={styles.card} aria-labelledby="travel-search">
        <h3 id="travel-search" className={styles.heading}>
          Search result
        </h3>
        <div className={`${styles.sample} ${styles.search}`}>
          <p className={styles.searchUrl}>
            {host()} › articles › {article.slug}
          </p>
          <p className={styles.searchTitle}>
            <CutText cut={searchTitle} />
          </p>
          <p className={styles.searchSnippet}>
            <span className={styles.searchDate}>{published} — </span>
            <CutText cut={searchDescription} />
          </p>
        </div>
        <ul className={styles.notes}>
          <CutNote what="Title (with the site’s name)" cut={searchTitle} />
          <CutNote what="Snippet" cut={searchDescription} />
        </ul>
      </section>
    </div>
  );
}
