// The characters public search puts around each matched word of a snippet (PostgreSQL's
// ts_headline StartSel/StopSel), and the snippet component splits on: from the Unicode private
// use area, so no story text contains them, and never rendered as markup.
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
