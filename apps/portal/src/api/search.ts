/** The shared shapes of Camunda 8 `/v2/.../search` calls. */

/** `{ field, order }` of a search's `sort` list. */
export interface SearchSort<Field extends string = string> {
  field: Field;
  order?: 'ASC' | 'DESC';
}

/** A search request: `filter`, `sort`, `page` (offset with `from`, or cursors). */
export interface SearchRequest<Filter, Field extends string = string> {
  filter?: Filter;
  sort?: Array<SearchSort<Field>>;
  page?: { limit?: number; from?: number; after?: string; before?: string };
}

/** A page of results with the total count of matches. */
export interface SearchResult<Item> {
  items: Item[];
  page: { totalItems: number; startCursor?: string; endCursor?: string };
}

/** A filter condition on one field: the value itself, or Camunda's operators. */
export type Condition<T> = T | { $eq?: T; $neq?: T; $exists?: boolean; $in?: T[]; $notIn?: T[]; $gt?: T; $gte?: T; $lt?: T; $lte?: T; $like?: string };
