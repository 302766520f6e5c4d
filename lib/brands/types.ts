/** A brand the CM watches (or a competitor tracked for comparison). */
export interface Brand {
  /** Stable id, e.g. "acme". */
  id: string;
  /** Canonical name, shown in the UI and used for matching. */
  name: string;
  /** Other names the brand goes by ("Acme Café", "Cafés Acme"). */
  aliases: string[];
  /** Social handles, with or without the leading "@". */
  handles: string[];
  /** Hashtags, with or without the leading "#". */
  hashtags: string[];
  /** Common misspellings matched like names ("acmee"). */
  misspellings: string[];
  /**
   * Phrases that look like the brand but are not it ("the acme of", "jus d'orange").
   * A brand term inside an exclusion phrase does not count.
   */
  exclusions: string[];
  /** A competitor is tracked and labelled as such, not treated as the CM's brand. @default false */
  competitor: boolean;
}

/** What matched in one text for one brand. */
export interface BrandMatch {
  brandId: string;
  competitor: boolean;
  /** The brand terms found, as written in the brand (deduplicated). */
  terms: string[];
}
