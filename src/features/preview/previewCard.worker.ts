/// <reference lib="webworker" />
/**
 * Draws the draft's social card off the main thread, as the build does (scripts/site/cards.ts):
 * the same layout and headline fitting (drawCard, src/ui/socialCard.tsx), the same satori, the
 * same font files. The build then rasterises the SVG with resvg; the preview shows the SVG itself
 * (its text is already paths), which saves a 2.4 MB WebAssembly renderer for the same picture.
 *
 * satori's layout engine (yoga) is WebAssembly: this worker is served under the preview's policy,
 * which allows compiling it ('wasm-unsafe-eval'; scripts/contentSecurityPolicy.ts). The engine and
 * the fonts are fetched on the first card, and kept.
 */
import satori, { init, type Font } from 'satori/standalone';
import layoutWasm from 'satori/layout.wasm?url';
import { CARD_FONT_FILES, drawCard, type CardInput } from '../../ui/socialCard';
import { CARD_FONT_URLS } from './cardFontUrls';
import type { CardRequest, CardResponse } from './previewCardProtocol';
import { pictureType } from './previewCardInput';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} could not be loaded (HTTP ${response.status})`);
  return response.arrayBuffer();
}

async function load(): Promise<Font[]> {
  const fonts = CARD_FONT_FILES.map(async ({ family, weight, file }): Promise<Font> => {
    const url = CARD_FONT_URLS[file];
    if (url === undefined) throw new Error(`the font ${file} is not among the preview’s card fonts`);
    return { name: family, weight, style: 'normal', data: await fetchBytes(url) };
  });
  const [, ...loaded] = await Promise.all([fetchBytes(layoutWasm).then((wasm) => init(wasm)), ...fonts]);
  return loaded;
}

let ready: Promise<Font[]> | undefined;

/** Why a card could not be drawn, in an editor's words where the cause is known. */
function whyNot(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // satori's engine fails when first used, not when loaded: a policy without 'wasm-unsafe-eval'.
  if (/Content Security Policy/i.test(message)) return 'this page’s security policy does not let the card’s layout engine (WebAssembly) run';
  return message;
}

/**
 * The lead picture as a data: URL, as the build reads it (satori would fetch an address itself,
 * but refuses this machine's own); a picture that cannot be loaded is left out, as the build
 * leaves out one missing from the site's files.
 */
async function withPicture(input: CardInput): Promise<{ input: CardInput; imageNote?: string }> {
  if (input.image === undefined) return { input };
  const { image, ...text } = input;
  try {
    const response = await fetch(image);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const type = pictureType(new URL(image).pathname) ?? 'application/octet-stream';
    const data = new FileReaderSync().readAsDataURL(new Blob([await response.arrayBuffer()], { type }));
    return { input: { ...text, image: data } };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { input: text, imageNote: `the lead image ${image} could not be loaded (${why}): the card is drawn without it` };
  }
}

async function draw(input: CardInput): Promise<Omit<Extract<CardResponse, { ok: true }>, 'id' | 'ok'>> {
  // A failed load (the network, a policy) is tried again with the next card.
  ready ??= load().catch((error: unknown) => {
    ready = undefined;
    throw new Error(`the card’s layout engine or fonts did not load (${error instanceof Error ? error.message : String(error)})`);
  });
  const [fonts, picture] = await Promise.all([ready, withPicture(input)]);
  const { svg, headlineSize } = await drawCard(satori, fonts, picture.input);
  return { svg, headlineSize, ...(picture.imageNote !== undefined ? { imageNote: picture.imageNote } : {}) };
}

scope.addEventListener('message', (event: MessageEvent<CardRequest>) => {
  const { id, input } = event.data;
  draw(input).then(
    (card) => scope.postMessage({ id, ok: true, ...card } satisfies CardResponse),
    (error: unknown) => scope.postMessage({ id, ok: false, message: whyNot(error) } satisfies CardResponse),
  );
});
