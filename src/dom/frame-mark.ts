// The mark of a frame that reads itself, in a module of its own: the annotator reads it, and the
// extension's content scripts (the page-notes one has a 4 KB budget) set and read it without the annotator.

/**
 * Set on the root element of a same-origin frame's document whose own script reads it (the
 * extension's content script, when the frame began before its page had any Chinese text): the
 * page's annotator then leaves that frame alone instead of reading it a second time.
 */
export const READS_ITSELF = 'data-pg-reads-itself';
