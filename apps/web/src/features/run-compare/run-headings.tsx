import type { RunRecord } from '@junction/api';
import { localTime } from '../../lib/local-time.ts';

/** The headings over the earlier and the later run's three columns each, by when each started. */
export function RunHeadings({ before, after }: { before: RunRecord; after: RunRecord }) {
  return (
    <>
      <th colSpan={3} scope="colgroup">
        Before · {localTime(before.startedAt)}
      </th>
      <th colSpan={3} scope="colgroup">
        After · {localTime(after.startedAt)}
      </th>
    </>
  );
}
