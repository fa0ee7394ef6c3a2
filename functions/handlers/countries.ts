/** GET /api/countries, /api/countries/{iso3}, /api/organisations, /api/organisations/{id}: the actors. */
import { orNotFound, orNotSeeded } from '../http/errors.ts';
import { countryIdParameter, organisationIdParameter, pathParameter } from '../http/parameters.ts';
import { routeGroupHandler } from '../http/route-group-handler.ts';
import { lambdaHandler, type HandlerDependencies } from './dependencies.ts';

export function makeHandler({ store, log }: HandlerDependencies) {
  return routeGroupHandler(
    'countries',
    {
      listCountries: async () => orNotSeeded(await store.getCountryList()),
      getCountry: async (request) => {
        const iso3 = pathParameter(request, 'iso3', countryIdParameter);
        return orNotFound(await store.getCountry(iso3), 'No country has this code in the data set.');
      },
      listOrganisations: async () => orNotSeeded(await store.getOrganisationList()),
      getOrganisation: async (request) => {
        const id = pathParameter(request, 'id', organisationIdParameter);
        return orNotFound(await store.getOrganisation(id), 'No organisation has this id.');
      },
    },
    { log },
  );
}

export const handler = lambdaHandler(makeHandler);
