import { useMemo, type ReactNode } from 'react';
import type { Article } from '../../content/schema';
import { linkFirstMentions, type Segment } from './mentions';
import { LeadImage } from './LeadImage';
import { personAnchor } from './PersonCard';
import styles from './ArticleBody.module.css';

function Segments({ segments }: { readonly segments: readonly Segment[] }) {
  return segments.map((segment, index) =>
    typeof segment === 'string' ? (
      segment
    ) : (
      <a key={index} href={`#${personAnchor(segment.personId)}`} className={styles.mention}>
        {segment.text}
      </a>
    ),
  );
}

export interface ArticleBodyProps {
  readonly article: Article;
  /** After a live update: draws a changed block with its mark (see storyUpdate.tsx, loaded then). */
  readonly decorate?: ((index: number, element: ReactNode) => ReactNode) | undefined;
}

// Each block carries its index (data-block): after a live update, the reader's place is found again by it.
export function ArticleBody({ article, decorate }: ArticleBodyProps) {
  const segmented = useMemo(() => linkFirstMentions(article.body, article.people ?? []), [article.body, article.people]);
  const note = article.source?.note;
  const block = (index: number, element: ReactNode) => (decorate ? decorate(index, element) : element);
  return (
    <div className={styles.body}>
      {article.image ? <LeadImage image={article.image} className={styles.lead} /> : null}
      {article.body.map((item, index) => {
        const segments = segmented[index] ?? [item.text];
        switch (item.type) {
          case 'heading':
            return block(
              index,
              <h2 key={index} data-block={index}>
                {item.text}
              </h2>,
            );
          case 'quote':
            return block(
              index,
              <figure key={index} className={styles.quote} data-block={index}>
                <blockquote>
                  <p>
                    <Segments segments={segments} />
                  </p>
                </blockquote>
                {item.attribution ? <figcaption>{item.attribution}</figcaption> : null}
              </figure>,
            );
          case 'paragraph':
            return block(
              index,
              <p key={index} data-block={index}>
                <Segments segments={segments} />
              </p>,
            );
        }
      })}
      {note ? <p className={styles.note}>({note})</p> : null}
    </div>
  );
}
