// Pixels of a screenshot, for tests that check what a highlight looks like on screen. Decoded by a
// browser page (Node has no PNG decoder among the project's packages).
import type { Page } from 'puppeteer-core';

/** A rectangle of a screenshot, in its pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One box's pixels: `rgba` holds 4 bytes a pixel, row by row. */
export interface BoxPixels {
  width: number;
  height: number;
  rgba: number[];
}

/** The pixels of each box of the base64 PNG `png`, decoded in `page` (any page: nothing of it is read). */
export function pngBoxes(page: Page, png: string, boxes: readonly PixelBox[]): Promise<BoxPixels[]> {
  return page.evaluate(
    async (data, boxes) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      return boxes.map((box) => {
        const width = Math.max(1, Math.floor(box.width));
        const height = Math.max(1, Math.floor(box.height));
        return { width, height, rgba: Array.from(context.getImageData(Math.round(box.x), Math.round(box.y), width, height).data) };
      });
    },
    png,
    boxes as PixelBox[],
  );
}
