declare module 'vader-sentiment/src/vader_lexicon.js' {
  /** VADER's lexicon (Hutto & Gilbert 2014): token → mean valence, -4..4. */
  export const lexicon: Record<string, number>;
}
