// @vitest-environment happy-dom
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ApiError, STATION_UNREACHABLE } from "../../shared/api/api-error.js";
import type { StreamState } from "../../shared/sse/use-event-source.js";
import { renderCashier } from "../test-support/render-cashier.js";
import { useProblem } from "./use-problem.js";

/** A failing call, and the station's stream lost and back, at the tap of a button. */
function Host({ error }: { error: unknown }) {
  const [stream, setStream] = useState<StreamState>("open");
  const { problem, report } = useProblem(stream);
  return (
    <>
      <button type="button" onClick={() => report(error)}>
        fail
      </button>
      <button type="button" onClick={() => setStream("lost")}>
        lose
      </button>
      <button type="button" onClick={() => setStream("open")}>
        back
      </button>
      <output>{problem ?? ""}</output>
    </>
  );
}

describe("the order screen's problem toast", () => {
  const shown = () => screen.getByRole("status").textContent;
  const tap = (name: string) => fireEvent.click(screen.getByRole("button", { name }));

  it("goes by itself once the station it could not reach is back", () => {
    renderCashier(<Host error={new ApiError(0, STATION_UNREACHABLE, "")} />);
    tap("fail");
    tap("lose");
    expect(shown()).toContain("Không kết nối được với máy bán hàng");
    tap("back");
    expect(shown()).toBe("");
  });

  it("keeps a refusal until the cashier acts", () => {
    renderCashier(<Host error={new ApiError(409, "ORDER_NOT_OPEN", "Đơn đã đóng")} />);
    tap("fail");
    tap("lose");
    tap("back");
    expect(shown()).toBe("Đơn đã đóng");
  });
});
