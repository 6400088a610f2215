import type { ScheduleInput } from '@junction/api';
import { useId } from 'react';
import { DEFAULT_TIME_ZONE } from './deploy-request.ts';

/** Time zones the browser knows, offered as suggestions; the server decides what it accepts. */
const TIME_ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [DEFAULT_TIME_ZONE];
  }
})();

/**
 * A deployment's cron schedules, one group per schedule. When the server refuses
 * one (`error`), its message sits inside this fieldset and the cron fields point
 * at it, so a screen reader hears why the field is wrong.
 */
export function ScheduleFields({
  schedules,
  onChange,
  error,
}: {
  schedules: ScheduleInput[];
  onChange: (schedules: ScheduleInput[]) => void;
  error: string | null;
}) {
  const ids = useId();
  const errorId = `${ids}-error`;
  const zonesId = `${ids}-zones`;
  const update = (index: number, patch: Partial<ScheduleInput>) =>
    onChange(schedules.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <fieldset className="schedule-fields">
      <legend>Schedules</legend>
      {schedules.length === 0 && <p className="hint">None: it runs only when started.</p>}
      {schedules.map((schedule, index) => (
        // Rows have no identity beyond their place; removing one re-renders those after it.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <fieldset key={index} className="schedule-row">
          <legend>Schedule {index + 1}</legend>
          <label>
            Cron{' '}
            <input
              value={schedule.cron}
              placeholder="*/15 * * * *"
              onChange={(e) => update(index, { cron: e.target.value })}
              aria-invalid={error !== null}
              aria-describedby={error !== null ? errorId : undefined}
              spellCheck={false}
            />
          </label>
          <label>
            Time zone{' '}
            <input
              value={schedule.timeZone}
              list={zonesId}
              onChange={(e) => update(index, { timeZone: e.target.value })}
            />
          </label>
          <button type="button" onClick={() => onChange(schedules.filter((_, i) => i !== index))}>
            Remove schedule {index + 1}
          </button>
        </fieldset>
      ))}
      {error !== null && (
        <p id={errorId} role="alert" className="is-error">
          {error}
        </p>
      )}
      <button
        type="button"
        onClick={() => onChange([...schedules, { cron: '', timeZone: DEFAULT_TIME_ZONE }])}
      >
        Add schedule
      </button>
      <datalist id={zonesId}>
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </fieldset>
  );
}
