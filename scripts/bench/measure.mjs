// Measuring helpers of `npm run bench`: percentiles, CPU time of processes from /proc, peak memory, a markdown table.
import { readdir, readFile, readlink } from 'node:fs/promises';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** CPU milliseconds (user + system) a process used so far; 0 when it is gone. */
export async function processCpuMs(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Pids of every process whose command line matches, e.g. the PostgreSQL server of one port and its backends. */
export async function pidsMatching(predicate) {
  const pids = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0').join(' ');
      if (predicate(cmdline, Number(entry))) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Parent pid of a process. */
export async function parentPid(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The PostgreSQL server listening on `port` (postmaster pid from its data directory) and all its children. */
export async function postgresPids(port) {
  const postmasters = await pidsMatching(
    (cmdline) => /(^|\/)postgres\b/.test(cmdline.split(' ')[0]) && cmdline.includes(' -D '),
  );
  for (const pid of postmasters) {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    const dataDir = cmdline[cmdline.indexOf('-D') + 1];
    try {
      const lines = (await readFile(`${dataDir}/postmaster.pid`, 'utf8')).split('\n');
      if (Number(lines[3]) === Number(port)) return [pid, ...(await childrenOf(pid))];
    } catch {
      // not readable: another user's cluster
    }
  }
  return [];
}

async function childrenOf(parent) {
  const children = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await parentPid(Number(entry))) === parent) children.push(Number(entry));
    } catch {
      // gone
    }
  }
  return children;
}

/**
 * CPU used by named groups of processes between `start()` and `stop()`. PostgreSQL backends come and go (one per
 * connection): the group is re-listed at both ends, and a backend that ended meanwhile is lost, so pools are kept open.
 */
export class CpuMeter {
  /** @param {Record<string, () => Promise<number[]>>} groups */
  constructor(groups) {
    this.groups = groups;
  }

  async snapshot() {
    const result = {};
    for (const [name, list] of Object.entries(this.groups)) {
      const perPid = {};
      for (const pid of await list()) perPid[pid] = await processCpuMs(pid);
      result[name] = perPid;
    }
    return result;
  }

  async start() {
    this.before = await this.snapshot();
  }

  /** CPU ms per group over the measured interval. */
  async stop() {
    const after = await this.snapshot();
    const used = {};
    for (const [name, perPid] of Object.entries(after)) {
      used[name] = Object.entries(perPid).reduce((sum, [pid, ms]) => sum + ms - (this.before[name]?.[pid] ?? 0), 0);
    }
    return used;
  }
}

/** Resident memory of a process now, in MB. */
export async function rssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Peak resident memory of a process while `work` runs, sampled every 20 ms (VmRSS), in MB. */
export async function peakRss(pid, work) {
  let peak = 0;
  let running = true;
  const sample = async () => {
    while (running) {
      try {
        const status = await readFile(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak = Math.max(peak, kb / 1024);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const sampler = sample();
  try {
    const result = await work();
    return { result, peakMb: peak };
  } finally {
    running = false;
    await sampler;
  }
}

export const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const ratio = (value, baseline) =>
  Number.isFinite(value / baseline) ? `${(value / baseline).toFixed(2)}×` : 'n/a';

/** A markdown table (rows of cells), ready to paste into the README. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The pid of the process listening on a local TCP port (from /proc/net/tcp*), or undefined. */
export async function pidListeningOn(port) {
  const hexPort = Number(port).toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '0A' && fields[1]?.endsWith(`:${hexPort}`)) inodes.add(fields[9]);
    }
  }
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds;
    try {
      fds = await readdir(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = await readlink(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}
