import type { Item, Op } from "@quay/core";
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { CatalogSnapshot } from "./catalog.js";
import type { OpSchema } from "./op.js";
import type { PullResponseSchema } from "./pull.js";
import type { PushRequest } from "./push-codec.js";
import type { DeepMutable } from "./types.test-support.js";

/**
 * The schemas' inferred types and the core's types agree, so no cast has to recover one from
 * the other (checked by `tsc`, not at run time). The core's types are `readonly`, the inferred
 * ones are not: that is the only difference allowed.
 */

describe("the wire's types", () => {
  it("parse an op as the core's Op, money as Dong, and take a core Op as it is", () => {
    expectTypeOf<z.output<typeof OpSchema>>().toEqualTypeOf<DeepMutable<Op>>();
    expectTypeOf<Op>().toExtend<z.input<typeof OpSchema>>();
  });

  it("carry core ops in a push and a pull", () => {
    expectTypeOf<PushRequest["ops"]>().toEqualTypeOf<DeepMutable<Op>[]>();
    expectTypeOf<z.output<typeof PullResponseSchema>["ops"]>().toEqualTypeOf<DeepMutable<Op>[]>();
    expectTypeOf<Op[]>().toExtend<z.input<typeof PullResponseSchema>["ops"]>();
  });

  it("take the core's catalog items", () => {
    type CatalogItem = CatalogSnapshot["items"][number];
    expectTypeOf<keyof CatalogItem>().toEqualTypeOf<keyof Item>();
    expectTypeOf<DeepMutable<Item>>().toExtend<CatalogItem>();
  });
});
