/** What a step of this plugin asks of the start that applied it. */
export interface TextOutcome {
  /** The search index was made anew (or found of another layout): fill it from the published content. */
  rebuildSearchIndex?: boolean;
}
