import type { PublicImage } from '@/lib/data/public-stories';

/** An image in every rendition we made, so the browser picks the smallest that is sharp enough. */
export function ResponsiveImage({ image, sizes, priority = false }: { image: PublicImage; sizes: string; priority?: boolean }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- renditions are made at upload; no optimiser needed
    <img
      src={image.src}
      srcSet={image.srcSet}
      sizes={sizes}
      alt={image.alt}
      width={image.width}
      height={image.height}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
    />
  );
}
