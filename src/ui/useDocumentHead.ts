import { useEffect } from 'react';
import { SITE_NAME } from './site';

/** Sets the document's title ("Headline | Dispatch") and its meta description. */
export function useDocumentHead(title: string | undefined, description?: string): void {
  useEffect(() => {
    document.title = title ? `${title} | ${SITE_NAME}` : SITE_NAME;
    if (description === undefined) return;
    let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = description;
  }, [title, description]);
}
