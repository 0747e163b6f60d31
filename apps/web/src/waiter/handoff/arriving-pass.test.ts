// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { forgetArrivingPass, takeArrivingPass } from "./arriving-pass.js";

describe("the pass a phone arrives with", () => {
  it("is read from the fragment once, and the fragment removed", () => {
    window.history.replaceState(null, "", "/m/#pass=abc.def");
    expect(takeArrivingPass()).toBe("abc.def");
    expect(window.location.hash).toBe("");
    expect(window.location.pathname).toBe("/m/");
    expect(takeArrivingPass()).toBe("abc.def");
    forgetArrivingPass();
    expect(takeArrivingPass()).toBeNull();
  });
});
