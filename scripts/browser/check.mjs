// check.mjs opens each HTML file given on the command line in headless
// Chromium (driven by puppeteer-core) and checks what a reader relies on:
//
//   - axe-core finds no violation of the WCAG 2.0, 2.1 and 2.2 A and AA
//     rules (best-practice findings are listed, not counted);
//   - every link to "#id" names an element of the page, every relative
//     link names a file that exists;
//   - pressing Tab from the top reaches every link.
//
// With SCREENSHOTS=<folder>, it also saves the top of each page at desktop
// width (1280 px) and at phone width (375 px). CHROMIUM names the browser
// (default /usr/bin/chromium). Exit status 1 when a check fails.
import { existsSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node check.mjs FILE.html...");
  process.exit(2);
}
const shots = process.env.SCREENSHOTS;
const profileDir = mkdtempSync(join(tmpdir(), "migprofile-chromium-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: profileDir,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

let failures = 0;
const fail = (file, msg) => { failures++; console.log(`FAIL ${file}: ${msg}`); };

try {
  for (const file of files) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
    await axeChecks(page, file);
    await linkChecks(page, file);
    await tabChecks(page, file);
    if (shots) await screenshots(page, file);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(profileDir, { recursive: true, force: true });
}
console.log(failures === 0 ? `ok: ${files.length} page(s)` : `${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);

async function axeChecks(page, file) {
  await page.addScriptTag({ path: axePath });
  const run = (tags) => page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), tags);
  const res = await run(wcag);
  for (const v of res.violations) {
    fail(file, `axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s), first: ${v.nodes[0].target.join(" ")}`);
  }
  console.log(`${file}: axe WCAG A/AA: ${res.violations.length} violation(s), ${res.passes.length} rule(s) passed, ${res.incomplete.length} to review by hand${res.incomplete.map((r) => " " + r.id).join("")}`);
  const bp = await run(["best-practice"]);
  for (const v of bp.violations) {
    console.log(`${file}: best practice ${v.id}: ${v.help} (${v.nodes.length} node(s), first: ${v.nodes[0].target.join(" ")})`);
  }
}

async function linkChecks(page, file) {
  const links = await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")));
  let internal = 0;
  for (const href of links) {
    if (href.startsWith("#")) {
      internal++;
      const found = await page.evaluate((id) => document.getElementById(id) !== null, decodeURIComponent(href.slice(1)));
      if (!found) fail(file, `link ${href} names no element`);
    } else if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      internal++;
      const target = join(dirname(resolve(file)), decodeURIComponent(href.split("#")[0]));
      if (!existsSync(target)) fail(file, `link ${href} names no file`);
    }
  }
  console.log(`${file}: ${links.length} link(s), ${internal} internal, all checked`);
}

async function tabChecks(page, file) {
  const total = await page.evaluate(() => {
    document.addEventListener("focusin", (e) => e.target.setAttribute("data-reached", ""));
    document.activeElement && document.activeElement.blur();
    return document.querySelectorAll("a[href], summary, [tabindex='0']").length;
  });
  for (let i = 0; i < total + 5; i++) await page.keyboard.press("Tab");
  const missed = await page.evaluate(() => [...document.querySelectorAll("a[href]:not([data-reached])")].map((a) => a.getAttribute("href")));
  if (missed.length > 0) fail(file, `Tab does not reach ${missed.length} link(s): ${missed.slice(0, 5).join(" ")}`);
  console.log(`${file}: Tab reaches ${total - missed.length} of ${total} focusable element(s)`);
}

async function screenshots(page, file) {
  mkdirSync(shots, { recursive: true });
  const name = basename(file, ".html");
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
  await page.setViewport({ width: 1280, height: 1000 });
  await page.screenshot({ path: join(shots, `${name}-desktop.png`) });
  await page.setViewport({ width: 375, height: 812, deviceScaleFactor: 2, isMobile: true });
  await page.screenshot({ path: join(shots, `${name}-phone.png`) });
}
