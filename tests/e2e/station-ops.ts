/** Ops written the way a station writes them: its device id, one sequence, the time now. */
import { randomUUID } from "node:crypto";

export function stationOps(stationId: string, userId: string) {
  let seq = 0;
  const envelope = (by: string) => ({
    id: randomUUID(),
    deviceId: stationId,
    deviceSeq: ++seq,
    // A second back for each op, in order: never ahead of the server's clock.
    at: new Date(Date.now() - 60_000 + seq * 1_000).toISOString(),
    userId: by,
  });
  return {
    order: (orderId: string, kind: string, data: unknown, by = userId) => ({
      ...envelope(by),
      orderId,
      kind,
      data,
    }),
    shift: (shiftId: string, kind: string, data: unknown, by = userId) => ({
      ...envelope(by),
      shiftId,
      kind,
      data,
    }),
  };
}
