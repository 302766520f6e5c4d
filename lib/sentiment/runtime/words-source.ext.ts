/** The extension build's word-table source: none bundled; see words-source.ts. */
import type { WordTableJson } from '../meta';

export const bundledWordTable: WordTableJson | null = null;
