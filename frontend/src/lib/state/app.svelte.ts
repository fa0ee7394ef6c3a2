/**
 * The page's state: the overview (first paint), the view (mirrored in the URL) and what follows from them.
 * Shared with components by context (setAppState in App.svelte, getAppState below it).
 */
import { createContext, tick } from 'svelte';
import type { CountryDetail, MeetingDetail, Overview, OverviewMeeting, OrganisationDetail, SearchIndex } from '../../../../data/schema/api.ts';
import { errorMessage, type ApiClient } from '../api/client.ts';
import { actorNames, highlightsFor, neighboursOf } from './highlights.ts';
import { compareRounds, comparedWith, type RoundChange } from './rounds.ts';
import { Detail } from './detail.svelte.ts';
import { missingLinks, type MissingLink } from './links.ts';
import { asOfDate, stancesAsOf, topicsWithStances, type StanceRow } from './stance.ts';
import { parseView, sameView, serialiseView, type ViewState } from './url.ts';
import type { CountryHighlight } from './view-types.ts';

export class AppState {
  overview = $state.raw<Overview | null>(null);
  loadError = $state<string | null>(null);
  view = $state.raw<ViewState>(parseView(''));
  /** Names of every country on the map (from the boundaries), for countries without curated data. */
  mapNames = $state.raw<ReadonlyMap<string, string>>(actorNames(null));
  /** The first view built into the HTML (frontend/build/first-view.ts): links instead of buttons, and the map's picture. */
  staticLinks = $state(false);
  firstViewMap: string | null = null;
  /** Set by the first change the visitor makes; until then, panels opened by a link do not take focus. */
  interacted = $state(false);

  meeting: OverviewMeeting | null = $derived(
    this.overview?.meetings.find((m) => m.id === this.view.meeting) ?? null,
  );
  /** The round the meeting is compared with: the one chosen (`compare`), else the previous of its series. */
  previous: OverviewMeeting | null = $derived(
    this.overview && this.meeting ? comparedWith(this.overview.meetings, this.meeting, this.view.compare) : null,
  );
  changes: RoundChange[] = $derived(this.previous && this.meeting ? compareRounds(this.previous, this.meeting) : []);
  neighbours: ReadonlySet<string> = $derived(neighboursOf(this.overview));
  highlights: ReadonlyMap<string, CountryHighlight> = $derived(
    highlightsFor(this.overview, this.view.layer, this.meeting, this.view.topic, this.previous),
  );
  private names: ReadonlyMap<string, string> = $derived(actorNames(this.overview));
  /** The stance layer's date: the selected meeting's last day, or null for the latest on record. */
  asOf: string | null = $derived(asOfDate(this.meeting));
  /** The stance layer's rows: the countries the map colours in that layer, and the stance table's rows. */
  stanceRows: StanceRow[] = $derived(this.overview ? stancesAsOf(this.overview, this.view.topic, this.asOf) : []);
  /** The topics some country has a stance on: the only ones the stance layer offers. */
  stanceTopics = $derived(topicsWithStances(this.overview));
  /** Ids the current link asked for that lead nowhere (see links.ts); cleared by the next change of view. */
  notFound = $state.raw<MissingLink[]>([]);
  /** The link the view came from, until its ids have been checked against the data. */
  #unchecked: string | null;
  /** The control that opened the actor panel or chose the meeting: closing returns focus to it. */
  #openers: { actor: Element | null; meeting: Element | null } = { actor: null, meeting: null };
  /** A statement to bring into view once its panel shows it (from the stance table). */
  pendingStatement = $state<string | null>(null);
  /** Everything the search box finds; loaded on the box's first focus, or for a statement's permalink. */
  searchIndex = $state.raw<SearchIndex | null>(null);

  /**
   * The open country; asked for only once the overview says it has curated records (a country on the map
   * without them has nothing to ask for, and an unknown code would be a 404).
   */
  readonly country = new Detail<CountryDetail>(
    () => (this.view.country !== null && this.isKnownCountry(this.view.country) ? this.view.country : null),
    (iso3) => this.api.country(iso3),
  );
  readonly organisation = new Detail<OrganisationDetail>(
    () => (this.view.organisation !== null && this.isKnownOrganisation(this.view.organisation) ? this.view.organisation : null),
    (id) => this.api.organisation(id),
  );
  /** The chosen meeting's statements and sources (the overview has the rest). */
  readonly meetingDetail = new Detail<MeetingDetail>(
    () => this.meeting?.id ?? null,
    (id) => this.api.meeting(id),
  );

  constructor(
    readonly api: ApiClient,
    search: string,
  ) {
    this.view = parseView(search);
    this.#unchecked = search;
    if (this.view.statement !== null) void this.loadSearchIndex();
  }

  /** Loads the search index once; a failure is left for the next call to retry. */
  loadSearchIndex = async (): Promise<SearchIndex | null> => {
    try {
      this.searchIndex ??= await this.api.searchIndex();
    } catch {
      return null;
    }
    return this.searchIndex;
  };

  /** Which panel shows a statement (its first actor's), once the search index is loaded. */
  statementHome = (id: string): { country?: string; organisation?: string } | null | undefined => {
    if (this.searchIndex === null) return undefined;
    const entry = this.searchIndex.entries.find((e) => e.kind === 'statement' && e.id === id);
    return entry ? { country: entry.opens.country, organisation: entry.opens.organisation } : null;
  };

  load = async (): Promise<void> => {
    this.loadError = null;
    try {
      // The built page carries the overview its first view was drawn from: fetch it again only when the
      // data has changed since (a deploy seeds the table and publishes the page together, so seldom).
      if (this.overview !== null && (await this.api.health()).dataVersion === this.overview.dataVersion) return;
      this.overview = await this.api.overview();
    } catch (error) {
      this.loadError = errorMessage(error);
    }
  };

  nameOf = (actor: string): string => this.names.get(actor) ?? this.mapNames.get(actor) ?? actor;

  /** Has curated data (participations or statements) for this country. */
  isKnownCountry = (iso3: string): boolean => this.overview?.countries.some((c) => c.iso3 === iso3) ?? false;
  isKnownOrganisation = (id: string): boolean => this.overview?.organisations.some((o) => o.id === id) ?? false;

  /**
   * Asks for a country's records before the reader clicks it (the pointer rests on it): the click then finds
   * them in the client's cache and the panel opens without a round trip. A failure is forgotten by the cache
   * and met again, with its message, on the click.
   */
  prefetchCountry = (iso3: string): void => {
    if (this.isKnownCountry(iso3)) this.api.country(iso3).catch(() => {});
  };

  /**
   * Once the data (and, for a country, the map's names) can tell: drops the ids of the link that lead
   * nowhere from the view, without a new history entry, and names them in `notFound`. Run by App.svelte.
   */
  checkLink = (): void => {
    if (this.#unchecked === null || this.overview === null) return;
    const mapReady = this.mapNames.size > 0;
    const missing = missingLinks(this.#unchecked, {
      meeting: (id) => this.overview?.meetings.some((m) => m.id === id) ?? false,
      compare: (id) => this.overview?.meetings.some((m) => m.id === id) ?? false,
      country: (iso3) => (this.isKnownCountry(iso3) || this.mapNames.has(iso3) ? true : mapReady ? false : null),
      organisation: this.isKnownOrganisation,
      statement: (id) => {
        const home = this.statementHome(id);
        return home === undefined ? null : home !== null;
      },
    });
    if (missing === null) return;
    this.#unchecked = null;
    this.notFound = missing;
    const next = { ...this.view };
    for (const { kind } of missing) next[kind] = null;
    // A permalink names only the statement: open the panel that shows it.
    if (next.statement !== null && next.country === null && next.organisation === null) {
      const home = this.statementHome(next.statement);
      next.country = home?.country ?? null;
      next.organisation = home?.organisation ?? null;
    }
    if (!sameView(next, this.view)) this.view = next;
    // The canonical URL of what is shown: unknown ids gone, codes in their usual case.
    history.replaceState(null, '', serialiseView(this.view) || location.pathname);
  };

  /** Changes the view and records it as a new history entry (back returns to the previous view). */
  navigate = (change: Partial<ViewState>): void => {
    const next = { ...this.view, ...change };
    // Another meeting is compared with its own previous round unless the change says otherwise.
    if ('meeting' in change && change.meeting !== this.view.meeting && !('compare' in change)) next.compare = null;
    if (change.country) next.organisation = null;
    if (change.organisation) next.country = null;
    // A highlighted statement belongs to the view it was opened in; any other change lets it go.
    if (change.statement === undefined) next.statement = null;
    if (sameView(next, this.view)) return;
    // Remember what opened a panel (not what moved between panels: that control goes with the panel).
    const focused = typeof document === 'undefined' ? null : document.activeElement;
    if ((next.country || next.organisation) && !this.view.country && !this.view.organisation) this.#openers.actor = focused;
    if (next.meeting && !this.view.meeting) this.#openers.meeting = focused;
    this.interacted = true;
    this.notFound = [];
    this.view = next;
    history.pushState(null, '', serialiseView(next) || location.pathname);
  };

  /** popstate: the browser moved through history; show the view its URL describes. */
  restore = (search: string): void => {
    this.view = parseView(search);
    this.#unchecked = search;
    if (this.view.statement !== null) void this.loadSearchIndex();
    this.checkLink();
  };

  selectCountry = (iso3: string): void => this.navigate({ country: iso3 });

  /** Opens a country's panel on one statement (the stance table's link). */
  openStatement = (iso3: string, statementId: string): void => {
    this.pendingStatement = statementId;
    this.navigate({ country: iso3 });
  };

  /** Closes the country or organisation panel; focus returns to the control that opened it. */
  closeActor = (): void => {
    this.navigate({ country: null, organisation: null });
    this.#returnFocus('actor');
  };

  /** Closes a matrix cell's participation; focus returns to the cell. */
  closeParticipation = (): void => {
    this.navigate({ meeting: null, country: null, organisation: null });
    this.#returnFocus('actor');
  };

  /** Clears the selected meeting; focus returns to the control that chose it. */
  closeMeeting = (): void => {
    this.navigate({ meeting: null });
    this.#returnFocus('meeting');
  };

  /** After the DOM has caught up: the opener if it is still on the page, else the lists (never the body). */
  #returnFocus(kind: 'actor' | 'meeting'): void {
    const opener = this.#openers[kind];
    this.#openers[kind] = null;
    void tick().then(() => {
      const target = opener instanceof HTMLElement && opener.isConnected && opener !== document.body ? opener : document.getElementById('browse');
      target?.focus();
    });
  }
}

export const [getAppState, setAppState] = createContext<AppState>();
