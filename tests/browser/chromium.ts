import { existsSync } from 'node:fs';

/** Flags for Debian's Chromium on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];

/** Debian's Chromium (never a downloaded build): CHROME_PATH, or /usr/bin/chromium. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (path): path is string => typeof path === 'string' && path !== '',
  );
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install Debian\'s package (apt-get install -y chromium) or set CHROME_PATH; browser tests never download a browser.',
    );
  }
  return found;
}
