// @vitest-environment happy-dom
import { dong } from "@quay/core";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { OptionGroup } from "../api/admin-types.js";
import { renderAdmin } from "../test-support/render-admin.js";
import { OptionGroupDialog } from "./option-group-dialog.js";

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const rows = () => screen.getAllByTestId("option-row");
const within = (row: HTMLElement | undefined, testId: string) => {
  const found = row?.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`no ${testId}`);
  return found;
};

describe("the option group dialog", () => {
  it("sends a required size with a smaller size's price taken off", async () => {
    const createEntry = vi.fn(() => Promise.resolve({}));
    const onDone = vi.fn();
    renderAdmin(<OptionGroupDialog group={null} nextSortOrder={3} onDone={onDone} onClose={vi.fn()} />, {
      createEntry,
    });
    type(screen.getByTestId("option-group-name"), " Cỡ ly ");
    fireEvent.click(screen.getByTestId("option-group-required"));
    fireEvent.click(screen.getByTestId("option-add"));
    fireEvent.click(screen.getByTestId("option-add"));
    for (const [index, [name, price]] of [
      ["S", "5.000"],
      ["M", "0"],
      ["L", "5000"],
    ].entries()) {
      type(within(rows()[index], "option-name"), name ?? "");
      type(within(rows()[index], "option-price"), price ?? "");
    }
    fireEvent.click(within(rows()[0], "option-price-sign"));
    expect(within(rows()[0], "option-price-sign").textContent).toBe("−");
    fireEvent.click(screen.getByTestId("option-group-save"));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(createEntry).toHaveBeenCalledWith("s1", "optionGroups", {
      name: "Cỡ ly",
      minChoices: 1,
      maxChoices: 1,
      sortOrder: 3,
      options: [
        { name: "S", price: -5_000, active: true },
        { name: "M", price: 0, active: true },
        { name: "L", price: 5_000, active: true },
      ],
    });
  });

  it("says what to fix before sending: an option without a name", () => {
    const createEntry = vi.fn(() => Promise.resolve({}));
    renderAdmin(<OptionGroupDialog group={null} nextSortOrder={1} onDone={vi.fn()} onClose={vi.fn()} />, {
      createEntry,
    });
    type(screen.getByTestId("option-group-name"), "Topping");
    type(within(rows()[0], "option-price"), "5.000");
    fireEvent.click(screen.getByTestId("option-group-save"));
    expect(screen.getByTestId("option-group-problem").textContent).toBe("Nhập tên cho mọi lựa chọn.");
    expect(createEntry).not.toHaveBeenCalled();
  });

  it("keeps the options' ids on an edit, and leaves out a removed one", async () => {
    const group = {
      id: "g1",
      name: "Topping",
      minChoices: 0,
      maxChoices: 2,
      sortOrder: 2,
      options: [
        { id: "o1", name: "Trân châu", price: dong(5_000), active: true },
        { id: "o2", name: "Thạch", price: dong(5_000), active: false },
      ],
    } satisfies OptionGroup;
    const updateEntry = vi.fn(() => Promise.resolve({}));
    const onDone = vi.fn();
    renderAdmin(<OptionGroupDialog group={group} nextSortOrder={5} onDone={onDone} onClose={vi.fn()} />, {
      updateEntry,
    });
    expect(within(rows()[0], "option-price").getAttribute("value")).toBe("5.000");
    fireEvent.click(within(rows()[1], "option-remove"));
    fireEvent.change(screen.getByTestId("option-group-max"), { target: { value: "3" } });
    fireEvent.click(screen.getByTestId("option-group-save"));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(updateEntry).toHaveBeenCalledWith("optionGroups", "g1", {
      name: "Topping",
      minChoices: 0,
      maxChoices: 3,
      sortOrder: 2,
      options: [{ id: "o1", name: "Trân châu", price: 5_000, active: true }],
    });
  });
});
