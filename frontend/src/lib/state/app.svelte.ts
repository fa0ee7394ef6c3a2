/**
 * The page's state: the overview (first paint), the view (mirrored in the URL) and what follows from them.
 * Shared with components by context (setAppState in App.svelte, getAppState below it).
 */
import { createContext } from 'svelte';
import type { CountryDetail, MeetingDetail, Overview, OverviewMeeting, OrganisationDetail } from '../../../../data/schema/api.ts';
import { errorMessage, type ApiClient } from '../api/client.ts';
import { actorNames, highlightsFor, neighboursOf } from './highlights.ts';
import { compareRounds, previousRound, type RoundChange } from './rounds.ts';
import { Detail } from './detail.svelte.ts';
import { parseView, sameView, serialiseView, type ViewState } from './url.ts';
import type { CountryHighlight } from './view-types.ts';

export class AppState {
  overview = $state.raw<Overview | null>(null);
  loadError = $state<string | null>(null);
  view = $state.raw<ViewState>(parseView(''));
  /** Names of every country on the map (from the boundaries), for countries without curated data. */
  mapNames = $state.raw<ReadonlyMap<string, string>>(actorNames(null));
  /** Set by the first change the visitor makes; until then, panels opened by a link do not take focus. */
  interacted = $state(false);

  meeting: OverviewMeeting | null = $derived(
    this.overview?.meetings.find((m) => m.id === this.view.meeting) ?? null,
  );
  previous: OverviewMeeting | null = $derived(
    this.overview && this.meeting ? previousRound(this.overview.meetings, this.meeting) : null,
  );
  changes: RoundChange[] = $derived(this.previous && this.meeting ? compareRounds(this.previous, this.meeting) : []);
  neighbours: ReadonlySet<string> = $derived(neighboursOf(this.overview));
  highlights: ReadonlyMap<string, CountryHighlight> = $derived(
    highlightsFor(this.overview, this.view.layer, this.meeting, this.view.topic),
  );
  private names: ReadonlyMap<string, string> = $derived(actorNames(this.overview));

  /** The open country; one without curated records is not asked for (the API would answer 404). */
  readonly country = new Detail<CountryDetail>(
    () => (this.view.country !== null && (!this.overview || this.isKnownCountry(this.view.country)) ? this.view.country : null),
    (iso3) => this.api.country(iso3),
  );
  readonly organisation = new Detail<OrganisationDetail>(
    () => this.view.organisation,
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
  }

  load = async (): Promise<void> => {
    this.loadError = null;
    try {
      this.overview = await this.api.overview();
    } catch (error) {
      this.loadError = errorMessage(error);
    }
  };

  nameOf = (actor: string): string => this.names.get(actor) ?? this.mapNames.get(actor) ?? actor;

  /** Has curated data (participations or statements) for this country. */
  isKnownCountry = (iso3: string): boolean => this.overview?.countries.some((c) => c.iso3 === iso3) ?? false;

  /** Changes the view and records it as a new history entry (back returns to the previous view). */
  navigate = (change: Partial<ViewState>): void => {
    const next = { ...this.view, ...change };
    if (change.country) next.organisation = null;
    if (change.organisation) next.country = null;
    if (sameView(next, this.view)) return;
    this.interacted = true;
    this.view = next;
    history.pushState(null, '', serialiseView(next) || location.pathname);
  };

  /** popstate: the browser moved through history; show the view its URL describes. */
  restore = (search: string): void => {
    this.view = parseView(search);
  };

  selectCountry = (iso3: string): void => this.navigate({ country: iso3 });
  closeActor = (): void => this.navigate({ country: null, organisation: null });
}

export const [getAppState, setAppState] = createContext<AppState>();
