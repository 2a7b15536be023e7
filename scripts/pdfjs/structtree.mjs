// structtree.mjs prints, as JSON, the structure tree Mozilla pdf.js reads
// from a PDF — what Firefox exposes to screen readers: for every page
// whether page.getStructTree() returns a tree, and totals of the roles
// (H1…H6, Table, TH, Figure with and without alt text, Link), the
// marked-content kids ("content") and the object references (OBJR kids,
// "object" or "annotation") it resolves.
//
//   node scripts/pdfjs/structtree.mjs file.pdf [more.pdf …]
//
// pdf.js maps custom roles through /RoleMap itself; an element's "alt"
// is its /Alt. It gives each page the part of the tree with content on
// that page, ancestors included: an element on two pages (a split table,
// the Document) counts on both, and an empty table cell shows on every
// page of its table. The output is one JSON object keyed by file name.
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// count adds up the roles of a structure-tree node and its children.
function count(node, totals) {
  if (!node || typeof node !== "object") return;
  if (node.role) {
    totals.roles[node.role] = (totals.roles[node.role] || 0) + 1;
    if (node.role === "Figure") {
      if (typeof node.alt === "string" && node.alt.trim() !== "") totals.figuresWithAlt++;
      else totals.figuresWithoutAlt++;
    }
  }
  if (node.type === "content") totals.contentRefs++;
  if (node.type === "object" || node.type === "annotation") totals.objectRefs++;
  for (const child of node.children || []) count(child, totals);
}

// check reads one file and returns its figures.
async function check(file) {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
  const totals = { roles: {}, figuresWithAlt: 0, figuresWithoutAlt: 0, contentRefs: 0, objectRefs: 0 };
  const pages = [];
  let linkAnnotations = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const tree = await page.getStructTree();
    const annotations = await page.getAnnotations();
    const links = annotations.filter((a) => a.subtype === "Link").length;
    linkAnnotations += links;
    pages.push({ page: n, tree: Boolean(tree && tree.children && tree.children.length), links });
    count(tree, totals);
  }
  await doc.destroy();
  const roles = Object.fromEntries(Object.entries(totals.roles).sort(([a], [b]) => a.localeCompare(b)));
  return {
    pages: doc.numPages,
    pagesWithTree: pages.filter((p) => p.tree).length,
    perPage: pages,
    roles,
    headings: ["H1", "H2", "H3", "H4", "H5", "H6"].map((h) => roles[h] || 0),
    tables: roles.Table || 0,
    th: roles.TH || 0,
    figures: roles.Figure || 0,
    figuresWithAlt: totals.figuresWithAlt,
    figuresWithoutAlt: totals.figuresWithoutAlt,
    links: roles.Link || 0,
    linkAnnotations,
    contentRefs: totals.contentRefs,
    objectRefs: totals.objectRefs,
  };
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node structtree.mjs file.pdf [more.pdf ...]");
  process.exit(2);
}
const out = {};
for (const f of files) out[f] = await check(f);
console.log(JSON.stringify(out, null, 2));
