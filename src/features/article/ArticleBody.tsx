import { useMemo } from 'react';
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

export function ArticleBody({ article }: { readonly article: Article }) {
  const segmented = useMemo(() => linkFirstMentions(article.body, article.people ?? []), [article.body, article.people]);
  const note = article.source?.note;
  return (
    <div className={styles.body}>
      {article.image ? <LeadImage image={article.image} className={styles.lead} /> : null}
      {article.body.map((block, index) => {
        const segments = segmented[index] ?? [block.text];
        switch (block.type) {
          case 'heading':
            return <h2 key={index}>{block.text}</h2>;
          case 'quote':
            return (
              <figure key={index} className={styles.quote}>
                <blockquote>
                  <p>
                    <Segments segments={segments} />
                  </p>
                </blockquote>
                {block.attribution ? <figcaption>{block.attribution}</figcaption> : null}
              </figure>
            );
          case 'paragraph':
            return (
              <p key={index}>
                <Segments segments={segments} />
              </p>
            );
        }
      })}
      {note ? <p className={styles.note}>({note})</p> : null}
    </div>
  );
}
