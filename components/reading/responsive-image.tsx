import type { PublicImage } from '@/lib/reading/shapes';

/**
 * An image in every rendition we made, so the browser picks the smallest that is sharp enough.
 * Width and height are always set, so the page does not move when it arrives; `priority` is the
 * page's main image (fetched first), `eager` one that is on screen at once; the rest load lazily.
 */
export function ResponsiveImage({ image, sizes, priority = false, eager = false }: { image: PublicImage; sizes: string; priority?: boolean; eager?: boolean }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- renditions are made at upload; no optimiser needed
    <img
      src={image.src}
      srcSet={image.srcSet}
      sizes={sizes}
      alt={image.alt}
      width={image.width}
      height={image.height}
      loading={priority || eager ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
    />
  );
}
