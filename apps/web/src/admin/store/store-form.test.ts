import { STORE_SETTING_DEFAULTS } from "@quay/protocol";
import { describe, expect, it } from "vitest";
import type { Store } from "../api/admin-types.js";
import { storeChanges, storeForm, storeFormProblems } from "./store-form.js";

const store: Store = {
  id: "s1",
  code: "CH01",
  name: "Quán A",
  address: "1 Lê Lợi",
  phone: "028 1234",
  timeZone: "Asia/Ho_Chi_Minh",
  autoSync: false,
  bank: null,
  ...STORE_SETTING_DEFAULTS,
};

describe("the store page's form", () => {
  it("sends what it shows, trimmed, with the bank only when one is given", () => {
    const form = { ...storeForm(store), receiptFooter: "Cảm ơn!  \n Hẹn gặp lại \n", wifi: " Wi-Fi: A " };
    expect(storeFormProblems(form)).toEqual({});
    expect(storeChanges(form)).toMatchObject({
      bank: null,
      receiptFooter: "Cảm ơn!\n Hẹn gặp lại",
      wifi: "Wi-Fi: A",
    });
    const banked = { ...form, bankBin: "970436", bankAccount: "0011", bankAccountName: "quan a" };
    expect(storeChanges(banked).bank).toEqual({ bin: "970436", account: "0011", accountName: "QUAN A" });
  });

  it("names what the server would refuse", () => {
    const form = storeForm(store);
    expect(storeFormProblems({ ...form, name: " " })).toEqual({ name: "nameRequired" });
    expect(storeFormProblems({ ...form, taxCode: "12345" })).toEqual({ taxCode: "taxCodeInvalid" });
    expect(storeFormProblems({ ...form, taxCode: "0312345678-001" })).toEqual({});
    expect(storeFormProblems({ ...form, bankBin: "970436" })).toEqual({ bankAccount: "bankIncomplete" });
    expect(storeFormProblems({ ...form, bankBin: "97", bankAccount: "1" })).toEqual({
      bankBin: "bankBinInvalid",
    });
    expect(storeFormProblems({ ...form, receiptHeader: "1\n2\n3\n4\n5" })).toEqual({
      receiptHeader: "tooManyLines",
    });
    expect(storeFormProblems({ ...form, receiptFooter: "x".repeat(49) })).toEqual({
      receiptFooter: "lineTooLong",
    });
  });
});
