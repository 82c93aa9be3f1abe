// citeproc-js as a test oracle and benchmark peer: one JSON request on stdin, one JSON answer on stdout.
//
// Request: {"style": CSL XML text, "locales_dir": folder of locales-*.xml (or "locales": {lang: XML}),
//           "references": [CSL-JSON...], "citations": null | [cluster...], "lang": "tr-TR" | null,
//           "format": "text" | "html" | "rtf" | "latex", "bibliography": true, "nocite_all": false,
//           "citation_mode": "positions" (rebuildProcessorState, the default) | "independent"}
// A cluster is a list of cites {"id", "locator", "label", "prefix", "suffix", "type"} or
// {"citationID", "citationItems": [...], "citationNoteNumber": n}; a bare list gets note number i + 1.
// Answer: {"citations": [string...], "bibliography": [[id, string]...], "warnings": [...],
//          "timing_ms": {"engine", "citations", "bibliography"}} with strings exactly as citeproc-js
// made them (the Python side normalises, and says why).
//
// The package is found through NODE_PATH (the pytest helper and the benchmark set it to the npm cache).
import { createRequire } from "node:module";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const CSL = require("citeproc");

function readStdin() {
  return readFileSync(0, "utf8");
}

function localeFinder(request) {
  const given = request.locales || {};
  const folder = request.locales_dir;
  let dialects = {};
  if (folder && existsSync(join(folder, "locales.json"))) {
    dialects = JSON.parse(readFileSync(join(folder, "locales.json"), "utf8"))["primary-dialects"] || {};
  }
  const files = folder ? readdirSync(folder) : [];
  return (lang) => {
    if (given[lang]) return given[lang];
    if (!folder) return false;
    const candidates = [lang, dialects[lang]].filter(Boolean);
    for (const tag of candidates) {
      const path = join(folder, `locales-${tag}.xml`);
      if (existsSync(path)) return readFileSync(path, "utf8");
    }
    const prefixed = files.find((name) => name.startsWith(`locales-${lang}-`));
    return prefixed ? readFileSync(join(folder, prefixed), "utf8") : false;
  };
}

// makeBibliography drops an entry that renders empty but keeps its id in entry_ids, so the
// ids and strings go out of step (ieee, chicago with an interview, ...). Each entry carries its
// own position instead (the engine counts processed entries in tmp.bibliography_pos, one ahead
// of the entry being written), between two marks that no CSL output contains.
const MARK = "\u0000";
for (const name of ["text", "html", "rtf", "latex"]) {
  const format = CSL.Output.Formats[name];
  const original = format["@bibliography/entry"];
  format["@bibliography/entry"] = function (state, str) {
    return MARK + (state.tmp.bibliography_pos - 1) + MARK + original.call(this, state, str);
  };
}

function citeItem(cite) {
  const item = { id: String(cite.id) };
  for (const key of ["locator", "label", "prefix", "suffix"]) {
    if (cite[key] !== undefined && cite[key] !== null) item[key] = String(cite[key]);
  }
  if (cite.type === "suppress-author" || cite["suppress-author"]) item["suppress-author"] = true;
  if (cite.type === "author-only" || cite["author-only"]) item["author-only"] = true;
  return item;
}

function clusters(raw) {
  return (raw || []).map((cluster, index) => {
    const items = Array.isArray(cluster) ? cluster : cluster.citationItems;
    const note = Array.isArray(cluster) ? index + 1 : (cluster.citationNoteNumber ?? index + 1);
    const id = Array.isArray(cluster) ? `c${index + 1}` : (cluster.citationID ?? `c${index + 1}`);
    return { citationID: String(id), citationItems: items.map(citeItem), properties: { noteIndex: note } };
  });
}

function answer(request) {
  const warnings = [];
  const byId = new Map(request.references.map((item) => [String(item.id), item]));
  const sys = {
    retrieveLocale: localeFinder(request),
    retrieveItem: (id) => byId.get(String(id)),
  };
  const format = request.format || "text";
  const started = performance.now();
  const engine = new CSL.Engine(sys, request.style, request.lang || undefined, Boolean(request.lang));
  engine.setOutputFormat(format);
  const built = performance.now();

  const citations = [];
  const cited = clusters(request.citations);
  if (cited.length && request.citation_mode === "independent") {
    // Each cluster rendered on its own after registering every item: disambiguation still sees
    // all items, but no position (ibid, subsequent) is tracked. citeproc-js's fastest batch path.
    engine.updateItems([...byId.keys()]);
    for (const cluster of cited) citations.push(engine.makeCitationCluster(cluster.citationItems));
  } else if (cited.length) {
    const triples = engine.rebuildProcessorState(cited, format, request.nocite_all ? [...byId.keys()] : []);
    for (const [, , text] of triples) citations.push(text);
  } else if (request.nocite_all !== false) {
    engine.updateItems([...byId.keys()]);
  }
  const citedDone = performance.now();

  const bibliography = [];
  if (request.bibliography !== false) {
    const made = engine.makeBibliography();
    if (made) {
      for (const entry of made[1]) {
        const [, position, text] = entry.split(MARK);
        bibliography.push([String(made[0].entry_ids[Number(position)][0]), text]);
      }
    } else {
      warnings.push("the style has no bibliography");
    }
  }
  const done = performance.now();
  return {
    citations,
    bibliography,
    warnings,
    timing_ms: { engine: built - started, citations: citedDone - built, bibliography: done - citedDone },
  };
}

// Many requests in one process ({"requests": [...]} gives a list of answers): Node starts once per test session.
function main() {
  const request = JSON.parse(readStdin());
  const result = request.requests ? request.requests.map(answer) : answer(request);
  process.stdout.write(JSON.stringify(result));
}

main();
