/** GET /api/meetings and /api/meetings/{id}. */
import { orNotFound, orNotSeeded } from '../http/errors.ts';
import { meetingIdParameter, pathParameter } from '../http/parameters.ts';
import { routeGroupHandler } from '../http/route-group-handler.ts';
import { lambdaHandler, type HandlerDependencies } from './dependencies.ts';

export function makeHandler({ store, log }: HandlerDependencies) {
  return routeGroupHandler(
    'meetings',
    {
      listMeetings: async () => orNotSeeded(await store.getMeetingList()),
      getMeeting: async (request) => {
        const id = pathParameter(request, 'id', meetingIdParameter);
        return orNotFound(await store.getMeeting(id), 'No meeting has this id.');
      },
    },
    { log },
  );
}

export const handler = lambdaHandler(makeHandler);
