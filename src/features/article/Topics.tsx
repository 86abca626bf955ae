import { Link } from '../../ui/Link';
import { listKey, listRoute } from '../../content/lists';
import { usePrefetchList } from '../../ui/usePrefetchList';
import styles from './Topics.module.css';

function TopicLink({ name, tagKey }: { readonly name: string; readonly tagKey: string }) {
  const list = { kind: 'tag', key: tagKey } as const;
  const intent = usePrefetchList(list);
  return (
    <Link to={listRoute(list)} className={styles.topic} {...intent}>
      {name}
    </Link>
  );
}

/**
 * The story's tags after its body, each linking to its topic's pages: where a reader who has
 * finished the story looks for more of the same. Tags that make one key ("Iran", "iran") show
 * once; a tag with no key (a name in another script) is shown as text, with no page to go to.
 */
export function Topics({ tags }: { readonly tags: readonly string[] }) {
  const seen = new Set<string>();
  const topics = tags.flatMap((name) => {
    const key = listKey(name);
    const id = key === '' ? `text:${name}` : key;
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ name, key, id }];
  });
  if (topics.length === 0) return null;
  return (
    <nav className={styles.topics} aria-labelledby="topics-heading">
      <h2 id="topics-heading" className={styles.heading}>
        Topics
      </h2>
      <ul className={styles.list}>
        {topics.map(({ name, key, id }) => (
          <li key={id}>{key === '' ? <span className={styles.topic}>{name}</span> : <TopicLink name={name} tagKey={key} />}</li>
        ))}
      </ul>
    </nav>
  );
}
