/**
 * A worker thread of the card pool (scripts/site/cards.ts): draws the cards it is sent, one at a
 * time, into the shared cache, and sends each back with its pixels (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../../src/content/schema';
import { createCardMaker, type CardMakerOptions } from './cards';

const maker = createCardMaker({ ...(workerData as CardMakerOptions), workers: 0 });
const port = parentPort;
if (!port) throw new Error('cardWorker.ts runs as a worker thread of scripts/site/cards.ts');

port.on('message', (article: Article) => {
  maker.card(article).then(
    (card) => {
      const png = new Uint8Array(card.png);
      port.postMessage({ card: { ...card, png } }, [png.buffer]);
    },
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
