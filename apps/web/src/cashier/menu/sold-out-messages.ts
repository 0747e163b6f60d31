/** "Hết món" on the menu (docs/cashier-app.md, "Sold out"): the cashier app's own block. */
export const soldOutVi = {
  badge: "Hết",
  markSoldOut: "Hết món",
  markOnSale: "Còn món",
  markSoldOutLabel: "Đánh dấu {{name}} hết món",
  markOnSaleLabel: "Bán lại {{name}}",
  tileLabel: "{{name}} — đã hết món",
};

export const soldOutEn: typeof soldOutVi = {
  badge: "Out",
  markSoldOut: "Sold out",
  markOnSale: "On sale",
  markSoldOutLabel: "Mark {{name}} sold out",
  markOnSaleLabel: "Put {{name}} back on sale",
  tileLabel: "{{name}} — sold out",
};
