import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of the processes a figure involves, read from Linux's /proc, so a rate can
 * say where each execution's time went (PostgreSQL, the server, the worker, the load
 * itself) on a machine whose cores they share. Elsewhere it measures nothing.
 */
const HAS_PROC = existsSync('/proc/self/stat');
const TICKS_PER_SECOND = HAS_PROC
  ? Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  : 100;

/** User plus system ticks of a process; 0 once it has gone. */
function ticksOf(pid: number): number {
  try {
    // The command name is in parentheses and may hold spaces: fields count after it.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Every PostgreSQL process on this machine (the server and its backends). */
export function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry)) {
      try {
        if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('postgres')) {
          pids.push(Number(entry));
        }
      } catch {
        // Gone between the listing and the read.
      }
    }
  }
  return pids;
}

type Groups = Record<string, () => readonly (number | undefined)[]>;

/**
 * Starts counting the CPU time of each group of processes (listed again at the end, so
 * a PostgreSQL backend that connected meanwhile counts from zero). `stop` gives the
 * milliseconds each group used, or undefined where /proc is not there.
 */
export function startCpuMeter(groups: Groups): { stop(): Record<string, number> | undefined } {
  const ticks = (list: () => readonly (number | undefined)[]) =>
    new Map(list().flatMap((pid) => (pid === undefined ? [] : [[pid, ticksOf(pid)] as const])));
  const before = HAS_PROC
    ? Object.fromEntries(Object.entries(groups).map(([name, list]) => [name, ticks(list)]))
    : {};
  return {
    stop() {
      if (!HAS_PROC) {
        return undefined;
      }
      const used: Record<string, number> = {};
      for (const [name, list] of Object.entries(groups)) {
        let sum = 0;
        for (const [pid, now] of ticks(list)) {
          sum += now - (before[name]?.get(pid) ?? 0);
        }
        used[name] = (sum * 1000) / TICKS_PER_SECOND;
      }
      return used;
    },
  };
}
