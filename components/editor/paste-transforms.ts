import { cleanPastedHtml } from '@/lib/editor/paste';

/** How the story editor takes what is pasted; `notice` says what was left out. */
export function pasteTransforms(notice: (text: string | null) => void) {
  return {
    // Plain text: a paragraph per line, none for blank lines; the characters exactly as pasted.
    transformPastedText: (text: string) =>
      text
        .split(/\r\n?|\n/)
        .filter((line) => line.trim() !== '')
        .join('\n'),
    // Word, Google Docs and web pages bring their own markup: reduced to the story's (lib/editor/paste.ts).
    transformPastedHTML: (html: string) => {
      const cleaned = cleanPastedHtml(html);
      notice(
        cleaned.droppedImages > 0
          ? `${cleaned.droppedImages === 1 ? 'An image was' : `${cleaned.droppedImages} images were`} left out of what you pasted: a story’s images come from the media library (Image in the toolbar).`
          : null,
      );
      return cleaned.html;
    },
  };
}
