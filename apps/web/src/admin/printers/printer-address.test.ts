import { describe, expect, it } from "vitest";
import { printerAddress } from "./printer-address.js";

describe("printerAddress", () => {
  it("adds the tcp:// a manager leaves out, and refuses what is no address", () => {
    expect(printerAddress(" 192.168.1.50 ")).toBe("tcp://192.168.1.50");
    expect(printerAddress("192.168.1.50:9100")).toBe("tcp://192.168.1.50:9100");
    expect(printerAddress("tcp://bep.local:9101")).toBe("tcp://bep.local:9101");
    expect(printerAddress("http://192.168.1.50")).toBeNull();
    expect(printerAddress("máy in bếp")).toBeNull();
    expect(printerAddress("")).toBeNull();
  });
});
