/**
 * One detail the page asks the API for when the view opens it (a country, an organisation, a meeting): the
 * request for the current key, made again when the key changes or on `retry`. Components await `request`.
 */
export class Detail<T> {
  #attempt = $state(0);
  readonly #key: () => string | null;
  readonly #fetch: (key: string) => Promise<T>;

  /** null when the view opens nothing (or something with no records to ask for). */
  readonly request: Promise<T> | null = $derived.by(() => {
    void this.#attempt;
    const key = this.#key();
    return key === null ? null : this.#fetch(key);
  });

  constructor(key: () => string | null, fetch: (key: string) => Promise<T>) {
    this.#key = key;
    this.#fetch = fetch;
  }

  retry = (): void => {
    this.#attempt += 1;
  };
}
