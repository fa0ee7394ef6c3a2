/** The organisation documents: /api/organisations (every organisation's summary) and /api/organisations/{id}. */
import type { OrganisationDetail, OrganisationList, OverviewOrganisation } from '../../data/schema/api.ts';
import type { Organisation } from '../../data/schema/domain.ts';
import type { DataSet } from './data-set.ts';
import { byName } from './order.ts';
import { participationView } from './participation.ts';

/** Every organisation by name, with how many statements speak for it. */
export function organisationSummaries(data: DataSet): OverviewOrganisation[] {
  return sortedOrganisations(data).map((organisation) => ({
    id: organisation.id,
    name: organisation.name,
    shortName: organisation.shortName,
    statementCount: data.dataset.statements.filter((statement) => statement.actors.includes(organisation.id)).length,
  }));
}

export function organisationList(data: DataSet): OrganisationList {
  return { organisations: organisationSummaries(data) };
}

/** One document per organisation: profile, participations oldest first, statements newest first. */
export function organisationDetails(data: DataSet): OrganisationDetail[] {
  const { lookup } = data;
  return sortedOrganisations(data).map((organisation) => ({
    id: organisation.id,
    name: organisation.name,
    shortName: organisation.shortName,
    description: organisation.description,
    sources: lookup.sources(organisation.sources),
    participations: data.participationsOf(organisation.id).map((participation) => participationView(participation, lookup)),
    statements: data.statementsWhere((statement) => statement.actors.includes(organisation.id)),
  }));
}

function sortedOrganisations(data: DataSet): Organisation[] {
  return [...data.dataset.organisations].sort(byName);
}
