// Renders the waiter app's PNG icons from its SVGs with headless Chromium (the same one the
// browser tests use): `node apps/web/src/waiter/pwa/render-icons.mjs`. The PNGs are committed
// under apps/web/public/m/icons; run this again after changing an SVG.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const icons = fileURLToPath(new URL("../../../public/m/icons/", import.meta.url));
const renders = [
  ["icon.svg", "icon-192.png", 192],
  ["icon.svg", "icon-512.png", 512],
  ["icon-maskable.svg", "icon-maskable-512.png", 512],
];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox"],
});
try {
  for (const [source, target, size] of renders) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = readFileSync(`${icons}${source}`, "utf8");
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: `${icons}${target}`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
