/**
 * How many connections wait in the kernel's queue of a listening socket,
 * not yet accepted by the process: on Linux, the `rx_queue` of its row in
 * /proc/net/tcp (or tcp6), whose state is LISTEN. Closing a listener resets
 * those connections, their requests already sent; the service waits for the
 * queue to empty before it closes its listener on SIGTERM.
 *
 * @module
 */
import { readFileSync } from "node:fs";

/**
 * The connections waiting to be accepted on `port`, or `null` where the system does not say (not Linux).
 *
 * @param port - the listening port
 * @returns the length of its accept queue (IPv4 and IPv6 together), or `null`
 * @example
 * ```ts
 * acceptQueueLength(8080); // 0 when every connection has been accepted
 * ```
 */
export function acceptQueueLength(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  let found: number | null = null;
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(file, "latin1");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue …; LISTEN is state 0A
      const cells = line.trim().split(/\s+/);
      if (cells[3] !== "0A" || !cells[1]?.endsWith(`:${hexPort}`)) continue;
      const rx = Number.parseInt(cells[4]?.split(":")[1] ?? "", 16);
      if (Number.isFinite(rx)) found = (found ?? 0) + rx;
    }
  }
  return found;
}
