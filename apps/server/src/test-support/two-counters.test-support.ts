import { OpFactory } from "./ops.test-support.js";
import type { TestServer } from "./test-server.test-support.js";

/**
 * Two counters of store a1, as the report tests sell at them: the main one ("Quầy chính", run by
 * cashierA) and the garden one (run by managerA), each with an op factory of its own.
 * `registeredAt` registers them at that moment (ops may not predate their station by more than
 * a week) and puts the clock back afterwards.
 */
export async function registerTwoCounters(
  server: TestServer,
  { gardenName = "Sân vườn", registeredAt }: { gardenName?: string; registeredAt?: string } = {},
) {
  const { a1 } = server.world.stores;
  const { users } = server.world;
  const now = server.clock.now();
  if (registeredAt !== undefined) server.clock.set(Date.parse(registeredAt));
  const main = await server.registerStation("cashierA", a1, "Quầy chính");
  const garden = await server.registerStation("managerA", a1, gardenName);
  server.clock.set(now);
  return {
    main,
    garden,
    atMain: new OpFactory(a1, main.stationId, users.cashierA.id),
    atGarden: new OpFactory(a1, garden.stationId, users.managerA.id),
  };
}
