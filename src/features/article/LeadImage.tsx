import type { Image } from '../../content/schema';
import styles from './LeadImage.module.css';

/**
 * The widths the picture is laid out at, as ArticleBody.module.css and ArticleView.module.css place
 * the body: the screen less the page's side padding, up to the body's measure (38rem).
 */
const SIZES = '(min-width: 40rem) 38rem, calc(100vw - 2rem)';

/** `srcset` from the renditions and the picture itself, one candidate per width (a repeated width would void the set). */
function srcSetOf(image: Image): string | undefined {
  if (!image.renditions || image.renditions.length === 0) return undefined;
  const byWidth = new Map<number, string>();
  for (const { src, width } of [...image.renditions, { src: image.src, width: image.width }]) {
    if (!byWidth.has(width)) byWidth.set(width, src);
  }
  return [...byWidth].map(([width, src]) => `${src} ${width}w`).join(', ');
}

/**
 * The story's lead picture. It is the largest thing on the page when there is one, so it is
 * fetched first and never lazily; its width and height reserve its box before it arrives.
 */
export function LeadImage({ image, className }: { readonly image: Image; readonly className?: string }) {
  const srcSet = srcSetOf(image);
  const { caption, credit } = image;
  return (
    <figure className={className ? `${styles.figure} ${className}` : styles.figure}>
      <img
        className={styles.image}
        src={image.src}
        alt={image.alt}
        width={image.width}
        height={image.height}
        fetchPriority="high"
        decoding="async"
        {...(srcSet ? { srcSet, sizes: SIZES } : {})}
      />
      {caption || credit ? (
        <figcaption className={styles.caption}>
          {caption}
          {caption && credit ? ' ' : null}
          {credit ? <span className={styles.credit}>{credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
