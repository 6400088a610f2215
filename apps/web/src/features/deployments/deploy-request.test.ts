import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { buildDeployRequest, isScheduleError, revisionChoices } from './deploy-request.ts';

const draft = {
  environmentId: 'env-1',
  processId: 'orders',
  revision: null,
  schedules: [],
};

describe('buildDeployRequest', () => {
  it('leaves out the revision (latest) and schedules when none are given', () => {
    expect(buildDeployRequest(draft)).toEqual({ environmentId: 'env-1', processId: 'orders' });
  });

  it('names a chosen revision', () => {
    expect(buildDeployRequest({ ...draft, revision: 3 })).toMatchObject({ revision: 3 });
  });

  it('trims schedules, drops blank rows and defaults the time zone to UTC', () => {
    expect(
      buildDeployRequest({
        ...draft,
        schedules: [
          { cron: ' */15 * * * * ', timeZone: 'Europe/Berlin ' },
          { cron: '   ', timeZone: 'UTC' },
          { cron: '0 3 * * 1', timeZone: '' },
        ],
      }).schedules,
    ).toEqual([
      { cron: '*/15 * * * *', timeZone: 'Europe/Berlin' },
      { cron: '0 3 * * 1', timeZone: 'UTC' },
    ]);
  });

  it('sends a bad cron as typed, for the server to judge', () => {
    expect(
      buildDeployRequest({ ...draft, schedules: [{ cron: '61 * * * *', timeZone: 'UTC' }] })
        .schedules,
    ).toEqual([{ cron: '61 * * * *', timeZone: 'UTC' }]);
  });
});

describe('revisionChoices', () => {
  it('lists revisions newest first', () => {
    expect(revisionChoices(3)).toEqual([3, 2, 1]);
    expect(revisionChoices(0)).toEqual([]);
  });
});

describe('isScheduleError', () => {
  it('recognises the server refusing a cron, a time zone or a schedule body', () => {
    const cron = new ApiError(400, {
      error: 'bad-schedule',
      message: 'Cron minute "61" is outside 0-59.',
    });
    const schema = new ApiError(400, {
      error: 'bad-request',
      message: 'Invalid body: /schedules/0/cron must have at least 9 characters',
    });
    expect(isScheduleError(cron)).toBe(true);
    expect(isScheduleError(schema)).toBe(true);
  });

  it('leaves every other failure to the form', () => {
    expect(
      isScheduleError(
        new ApiError(404, { error: 'not-found', message: 'Process x does not exist.' }),
      ),
    ).toBe(false);
    expect(
      isScheduleError(
        new ApiError(400, {
          error: 'bad-request',
          message: 'Invalid body: /processId must be string',
        }),
      ),
    ).toBe(false);
    expect(isScheduleError(new Error('network down'))).toBe(false);
  });
});
