// @vitest-environment node
/**
 * The palette encoder of the social cards (scripts/site/cardPng.ts): it must give back exactly the
 * pixels it was given, and decline any picture a palette cannot hold exactly.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { palettePng } from '../../../scripts/site/cardPng';

/** Opaque RGBA pixels in `colours` distinct colours, in runs and scattered. */
function pixels(width: number, height: number, colours: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    const colour = pixel < colours ? pixel : (pixel * 7919) % 13 === 0 ? pixel % colours : 0;
    data.set([colour & 0xff, (colour * 37) & 0xff, (colour >> 8) * 101, 255], pixel * 4);
  }
  return data;
}

const COLOUR_TYPE_AT = 25;

describe('palettePng', () => {
  it.each([1, 71, 256])('keeps every pixel of a picture in %i colours, as an 8-bit palette PNG', (colours) => {
    const rgba = pixels(300, 20, colours);
    const png = palettePng(rgba, 300, 20);
    expect(png).toBeDefined();
    expect(png?.[COLOUR_TYPE_AT]).toBe(3);
    const decoded = PNG.sync.read(png ?? Buffer.alloc(0));
    expect([decoded.width, decoded.height]).toEqual([300, 20]);
    expect(Buffer.compare(decoded.data, Buffer.from(rgba))).toBe(0);
  });

  it('reads pixels that do not start on a 4-byte boundary', () => {
    const rgba = pixels(30, 10, 5);
    const shifted = new Uint8Array(rgba.length + 1);
    shifted.set(rgba, 1);
    const png = palettePng(shifted.subarray(1), 30, 10);
    expect(Buffer.compare(PNG.sync.read(png ?? Buffer.alloc(0)).data, Buffer.from(rgba))).toBe(0);
  });

  it('declines more colours than a palette holds', () => {
    expect(palettePng(pixels(300, 20, 257), 300, 20)).toBeUndefined();
  });

  it('declines a pixel that is not fully opaque', () => {
    const rgba = pixels(30, 10, 5);
    rgba[4 * 150 + 3] = 254;
    expect(palettePng(rgba, 30, 10)).toBeUndefined();
  });

  it('refuses bytes that are not width × height RGBA pixels', () => {
    expect(() => palettePng(new Uint8Array(10), 2, 2)).toThrow(/not 2×2 RGBA pixels/);
  });
});
