import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';
import { useHref, useLinkClickHandler, type To } from 'react-router';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: To;
  readonly ref?: Ref<HTMLAnchorElement>;
}

/**
 * A link the router follows without reloading the page: what React Router's own `Link` does for
 * this app, without the framework mode it also carries (route-module prefetching, view
 * transitions, masks): about 2 KB gzip that every reader downloaded before a story was interactive.
 * Modified clicks (a new tab, a download) and other targets are left to the browser, as there.
 */
export function Link({ to, onClick, target, ref, children, ...rest }: LinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to, { target });
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!event.defaultPrevented) navigate(event);
  };
  return (
    <a {...rest} ref={ref} href={href} target={target} onClick={handleClick}>
      {children}
    </a>
  );
}
