import type { Order } from "@quay/core";
import { describe, expectTypeOf, it } from "vitest";
import type { DeepMutable } from "../wire/types.test-support.js";
import type { OrderView } from "./order-view.js";

/** The API's order view is the core's `Order` (checked by `tsc`, not at run time). */
describe("the API's types", () => {
  it("show the core's Order as an OrderView, but for `readonly`, the server's `receivedAt` and the station's `refusal`", () => {
    expectTypeOf<Exclude<keyof OrderView, "receivedAt" | "refusal">>().toEqualTypeOf<keyof Order>();
    expectTypeOf<DeepMutable<Order>>().toExtend<OrderView>();
    expectTypeOf<Order>().not.toExtend<OrderView>();
  });
});
