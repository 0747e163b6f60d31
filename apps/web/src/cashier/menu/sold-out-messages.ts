/** "Hết món" on the menu (docs/cashier-app.md, "Sold out"): the cashier app's own block. */
export const soldOutVi = {
  badge: "Hết",
  mode: "Báo hết món",
  done: "Xong",
  hint: "Chạm vào món để báo hết, chạm lần nữa để bán lại.",
  tileLabel: "{{name}} — đã hết món",
  markingLabel: "{{name}}: chạm để báo hết món",
  restoreLabel: "{{name}}: chạm để bán lại",
};

export const soldOutEn: typeof soldOutVi = {
  badge: "Out",
  mode: "Mark sold out",
  done: "Done",
  hint: "Tap an item to mark it sold out, tap again to put it back on sale.",
  tileLabel: "{{name}} — sold out",
  markingLabel: "{{name}}: tap to mark sold out",
  restoreLabel: "{{name}}: tap to put back on sale",
};
