import type { IndexEntry } from '../../content/schema';
import { StoryTeaserView } from '../../ui/StoryTeaserView';
import { usePrefetchArticle } from './usePrefetchArticle';

/** The front page's teaser: the shared view, with the story prefetched when a reader shows intent. */
export function StoryTeaser({ entry }: { readonly entry: IndexEntry }) {
  return <StoryTeaserView entry={entry} link={usePrefetchArticle(entry.slug)} />;
}
