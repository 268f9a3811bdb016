// What /proc says about processes and the machine: CPU time, resident memory, the process tree,
// and how busy all CPUs were, so that the bench can tell its own work from everything else's.
import { readFileSync, readdirSync } from "node:fs"
import os from "node:os"

/**
 * The fields of /proc/<pid>/stat (or /proc/<pid>/task/<tid>/stat, a thread's) after the command
 * name in parentheses (which may hold spaces): [0] state, [1] parent pid, [11] utime, [12] stime.
 * Null once the process has ended.
 */
function statFields(pid, tid) {
  try {
    const stat = readFileSync(tid ? `/proc/${pid}/task/${tid}/stat` : `/proc/${pid}/stat`, "utf8")
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  } catch {
    return null
  }
}

/** The process and all its descendants, from /proc. */
export function processTree(pid) {
  const children = new Map()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    const fields = statFields(entry)
    // Null: the process ended while we looked.
    if (!fields) continue
    const ppid = Number(fields[1])
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
  }
  const tree = [pid]
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []))
  return tree
}

/**
 * CPU time (user + system) the process, or one of its threads, has used so far, in ms (clock ticks
 * of 10 ms).
 */
export function cpuMs(pid, tid) {
  const fields = statFields(pid, tid)
  return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : 0
}

/** CPU time of the process's main thread (its JavaScript thread: the thread id is the pid). */
export function mainThreadCpuMs(pid) {
  return cpuMs(pid, pid)
}

/** Resident memory of a process (VmRSS), in kB; 0 once it has ended. */
export function rssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8")
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

/**
 * CPU time all the machine's CPUs have spent busy so far, in ms, from /proc/stat: user, nice,
 * system, interrupts, and steal (time the hypervisor gave another guest: busy for this machine's
 * purposes too).
 */
export function machineBusyMs() {
  const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]
  const [user, nice, system, , , irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number)
  return (user + nice + system + irq + softirq + steal) * 10
}

/**
 * Starts watching the machine; the function returned gives the share (0 to 1) of all CPUs' time
 * since then that went to processes outside this process's tree (the bench, the servers it
 * started, the reference): the other work the machine was doing meanwhile.
 */
export function watchOtherWork() {
  const cpus = os.cpus().length
  const ours = () => processTree(process.pid).reduce((sum, pid) => sum + cpuMs(pid), 0)
  const start = { at: performance.now(), busy: machineBusyMs(), ours: ours() }
  return () => {
    const wall = performance.now() - start.at
    const others = machineBusyMs() - start.busy - (ours() - start.ours)
    return Math.max(0, others) / (wall * cpus)
  }
}
