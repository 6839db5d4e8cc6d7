/** A text read from a gold data set, with the data set's own id for it. */
export interface DatasetText {
  id: string;
  text: string;
  title?: string;
  published?: string;
  url?: string;
}
