/* marsad's dashboard: filters kept in the URL, a map, a timeline whose brush sets the dates,
   a table of events, and an event's page with its evidence highlighted. It reads only the
   /v1 API of the server that sent it; every library it uses is vendored under /static. */
"use strict";

const FILTERS = ["type", "actor", "country", "modality", "since", "until", "text"];
const TYPE_COLOURS = {
  ASSAULT: "#c0392b", COERCE: "#e67e22", THREATEN: "#d35400", PROTEST: "#8e44ad",
  SANCTION: "#7f8c8d", MOBILIZE: "#a04000", ACCUSE: "#b7950b", REJECT: "#6e2c00",
  REQUEST: "#16a085", CONSULT: "#2980b9", AGREE: "#27ae60", SUPPORT: "#1abc9c",
  COOPERATE: "#2e86c1", AID: "#229954", CONCEDE: "#5d6d7e", RETREAT: "#85929e",
};
const ROLES = ["trigger", "actor", "recipient", "place", "time", "attribution"];
const MODALITIES = ["asserted", "future", "hypothetical", "negated", "historical"];

let LABELS = {};
let LANG = "ar";
let META = null;
let map = null, points = null, chart = null, nextCursor = null;

const $ = (id) => document.getElementById(id);
const t = (key) => (LABELS[LANG] && LABELS[LANG][key]) || (LABELS.en && LABELS.en[key]) || key;
const typeName = (code) => (LABELS[LANG].types || {})[code] ? `${LABELS[LANG].types[code]} ${code}` : code;
const modalityName = (m) => (LABELS[LANG].modalities || {})[m] || m;
const colour = (type) => TYPE_COLOURS[type] || "#34495e";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

/* ---- the URL is the state ---- */

function state() { return new URLSearchParams(location.search); }

function filterQuery(extra = {}) {
  const query = new URLSearchParams();
  const now = state();
  for (const name of FILTERS) if (now.get(name)) query.set(name, now.get(name));
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== "") query.set(k, v);
  return query;
}

function go(params, replace = false) {
  const url = params.toString() ? `?${params}` : location.pathname;
  history[replace ? "replaceState" : "pushState"](null, "", url);
  render();
}

/* ---- labels and filters ---- */

function applyLanguage() {
  LANG = state().get("lang") === "en" ? "en" : "ar";
  document.documentElement.lang = LANG;
  document.documentElement.dir = LANG === "ar" ? "rtl" : "ltr";
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
}

function fillSelect(select, values, label) {
  const chosen = state().get(select.name);
  select.replaceChildren(el("option", { value: "", text: t("all") }));
  for (const value of values) select.append(el("option", { value, text: label(value) }));
  select.value = chosen && values.includes(chosen) ? chosen : "";
}

function showFilters() {
  fillSelect($("f-type"), META.types, typeName);
  const names = Object.fromEntries(META.countries.map((c) => [c.code, c.name]));
  fillSelect($("f-country"), META.countries.map((c) => c.code), (c) => `${names[c]} (${c})`);
  fillSelect($("f-modality"), MODALITIES, modalityName);
  const now = state();
  for (const name of ["actor", "since", "until", "text"]) $(`f-${name}`).value = now.get(name) || "";
  $("f-by").value = now.get("by") || "week";
}

function readFilters(event) {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = $(`f-${name}`).value.trim();
    if (value) params.set(name, value);
  }
  keep(params, ["lang", "by"]);
  go(params);
}

function keep(params, names) {
  const now = state();
  for (const name of names) if (now.get(name)) params.set(name, now.get(name));
}

/* ---- the map ---- */

async function makeMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([30, 42], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth");
  const topology = await (await fetch("/static/vendor/world-atlas-2.0.2/countries-50m.json")).json();
  const countries = topojson.feature(topology, topology.objects.countries);
  L.geoJSON(countries, { style: { color: "#7a8a99", weight: 0.8, fillColor: "#fbfaf5", fillOpacity: 1 },
                         interactive: false }).addTo(map);
  points = L.markerClusterGroup({ maxClusterRadius: 40 }).addTo(map);
  $("type-legend").replaceChildren(...Object.keys(TYPE_COLOURS).map((type) =>
    el("span", {}, el("i", { style: `background:${colour(type)}` }), typeName(type))));
}

function showPoints(collection) {
  points.clearLayers();
  const layers = collection.features.map((feature) => {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const killed = p.killed || 0;
    const marker = L.circleMarker([lat, lon], {
      radius: 6 + 3 * Math.sqrt(killed), color: "#222", weight: 1, fillColor: colour(p.event_type),
      fillOpacity: 0.85, className: `event-point type-${p.event_type}` });
    const link = el("a", { href: eventHref(p.event_id), text: `${typeName(p.event_type)} — ${p.event_date || ""}` });
    link.addEventListener("click", (e) => { e.preventDefault(); openEvent(p.event_id); });
    marker.bindPopup(el("div", {}, link, el("br"), `${p.location || ""} ${killed ? `· ${t("killed")}: ${killed}` : ""}`));
    return marker;
  });
  points.addLayers(layers);
  $("map-count").textContent = `${collection.features.length} ${t("located")}${collection.truncated ? " +" : ""}`;
}

/* ---- the timeline, whose brush sets since/until ---- */

function showTimeline(trend) {
  /* events as bars on the left axis; operations and killed as lines on a logarithmic right
     axis, so that one report of a huge figure does not flatten the rest (a zero is a gap) */
  const by = trend.by;
  const xs = trend.periods.map((p) => Date.parse(p.period_start) / 1000);
  const positive = (key) => trend.periods.map((p) => (p[key] > 0 ? p[key] : null));
  const data = [xs, trend.periods.map((p) => p.events), positive("operations"), positive("killed")];
  const width = $("timeline").clientWidth || 600;
  const options = {
    width, height: 320, cursor: { drag: { x: true, y: false, setScale: false } },
    select: { show: true }, legend: { show: true },
    scales: { x: { time: true }, counts: { distr: 3 } },
    series: [{ label: t("date") },
             { label: t("events"), stroke: "#1f4e79", fill: "rgba(31,78,121,.35)", width: 1,
               paths: uPlot.paths.bars({ size: [0.8, 40] }) },
             { label: t("operations"), stroke: "#e67e22", width: 2, scale: "counts", spanGaps: false,
               points: { show: true, size: 4 } },
             { label: t("killed"), stroke: "#c0392b", width: 2, scale: "counts", spanGaps: false,
               points: { show: true, size: 4 } }],
    axes: [{}, { label: t("events"), size: 60 },
           { side: 1, scale: "counts", label: `${t("operations")} · ${t("killed")}`, grid: { show: false }, size: 60 }],
    hooks: { setSelect: [(u) => brushed(u, by)] },
  };
  if (chart) chart.destroy();
  $("timeline").replaceChildren();
  chart = new uPlot(options, data, $("timeline"));
}

function brushed(u, by) {
  if (u.select.width < 2) return;
  const from = u.posToVal(u.select.left, "x"), to = u.posToVal(u.select.left + u.select.width, "x");
  const day = (s) => new Date(s * 1000).toISOString().slice(0, 10);
  const span = { day: 0, week: 6, month: 30, year: 364 }[by] || 0;
  const params = state();
  params.set("since", day(from));
  params.set("until", day(to + span * 86400));
  go(params);
}

/* ---- the table ---- */

function eventHref(id) {
  const params = state();
  params.set("event", id);
  return `?${params}`;
}

function entityText(list) {
  return (list || []).map((e) => (e.code ? `${e.text} [${e.code}]` : e.text)).join("، ");
}

function row(record) {
  const evidence = (record.evidence || [])[0];
  const tr = el("tr", { "data-event": record.event_id },
    el("td", {}, el("bdi", { text: (record.time && record.time.start) || "" })),
    el("td", {}, el("span", { class: "swatch", style: `background:${colour(record.event_type)}` }),
       typeName(record.event_type)),
    el("td", { text: entityText(record.actor) }), el("td", { text: entityText(record.recipient) }),
    el("td", { text: record.location ? `${record.location.name} (${record.location.country || ""})` : "" }),
    el("td", { text: (record.casualties && record.casualties.killed) ?? "" }),
    el("td", { text: modalityName(record.modality) }),
    el("td", { class: "evidence", text: evidence ? evidence.sentence.slice(0, 160) : "" }));
  tr.addEventListener("click", () => openEvent(record.event_id));
  return tr;
}

async function showTable(append) {
  const query = filterQuery({ limit: 50, cursor: append ? nextCursor : null });
  const page = await api(`/v1/events?${query}`);
  const body = $("events").tBodies[0];
  if (!append) body.replaceChildren();
  body.append(...page.events.map(row));
  nextCursor = page.next_cursor;
  $("more").hidden = !nextCursor;
  $("table-count").textContent = page.total ? `${body.rows.length} ${t("shown")} ${t("of")} ${page.total}` : t("no_events");
}

/* ---- the dashboard ---- */

async function renderDashboard() {
  $("dashboard").hidden = false;
  $("event-page").hidden = true;
  $("filters").hidden = false;
  map.invalidateSize();
  showFilters();
  $("problem").textContent = "";
  const by = state().get("by") || "week";
  try {
    const [geo, trend] = await Promise.all([api(`/v1/events.geojson?${filterQuery()}`),
                                            api(`/v1/trends?${filterQuery({ by, all_modalities: state().get("modality") ? null : "1" })}`)]);
    showPoints(geo);
    showTimeline(trend);
    await showTable(false);
  } catch (error) {
    $("problem").textContent = `${t("error")}: ${error.message}`;
  }
}

/* ---- an event's page ---- */

function openEvent(id) {
  const params = state();
  params.set("event", id);
  go(params);
}

function highlighted(text, spans) {
  /* the text with each span in a <mark> of its role; where spans overlap the earlier role of
     ROLES wins (a trigger inside an actor's words stays a trigger) */
  const chosen = [];
  const ordered = [...spans].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  for (const span of ordered) {
    if (!chosen.some((c) => span.start < c.end && c.start < span.end)) chosen.push(span);
  }
  chosen.sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const span of chosen) {
    nodes.push(text.slice(at, span.start));
    nodes.push(el("mark", { class: `m-${span.role}`, title: t(span.role), "data-role": span.role },
                  text.slice(span.start, span.end)));
    at = span.end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

function fact(label, value) {
  return value === null || value === undefined || value === "" ? [] : [el("dt", { text: label }), el("dd", { text: String(value) })];
}

function showFacts(record) {
  $("event-title").replaceChildren(el("span", { class: "swatch", style: `background:${colour(record.event_type)}` }),
                                   `${typeName(record.event_type)} — ${(record.time && record.time.start) || ""}`);
  const c = record.casualties || {};
  $("event-facts").replaceChildren(
    ...fact(t("mode"), record.mode), ...fact(t("modality"), modalityName(record.modality)),
    ...fact(t("actor"), entityText(record.actor)), ...fact(t("recipient"), entityText(record.recipient)),
    ...fact(t("place"), record.location && `${record.location.name} (${record.location.country || ""})`),
    ...fact(t("time"), record.time && record.time.text),
    ...fact(t("killed"), c.killed), ...fact(t("injured"), c.injured),
    ...fact(t("attribution"), record.attribution && record.attribution.text),
    ...fact(t("confidence"), record.confidence));
}

async function showCluster(record) {
  const cluster = await api(`/v1/clusters/${encodeURIComponent(record.cluster_id)}`);
  const others = cluster.events.filter((e) => e.event_id !== record.event_id);
  $("cluster-reports").replaceChildren(...(others.length ? others.map((e) => {
    const link = el("a", { href: eventHref(e.event_id), text: e.title || e.article_id });
    link.addEventListener("click", (ev) => { ev.preventDefault(); openEvent(e.event_id); });
    const source = e.url ? el("a", { href: e.url, rel: "noopener noreferrer", target: "_blank", text: e.source || e.url }) : (e.source || "");
    return el("li", { "data-event": e.event_id }, link, " — ", el("bdi", { text: e.event_date || "" }), " — ", source);
  }) : [el("li", { text: t("no_other") })]));
}

async function renderEvent(id) {
  $("dashboard").hidden = true;
  $("filters").hidden = true;
  $("event-page").hidden = false;
  const record = await api(`/v1/events/${encodeURIComponent(id)}`);
  const article = await api(`/v1/articles/${encodeURIComponent(record.article_id)}`);
  showFacts(record);
  const mine = (article.events.find((e) => e.event_id === id) || { spans: [] }).spans;
  $("mark-legend").replaceChildren(...ROLES.map((role) => el("mark", { class: `m-${role}`, text: t(role) })));
  $("article-title").replaceChildren(...highlighted(article.title || "", mine.filter((s) => s.field === "title")));
  $("article-text").replaceChildren(...(article.text === null ? [t("no_text")]
    : highlighted(article.text, mine.filter((s) => s.field === "text"))));
  $("source-link").hidden = !article.url;
  if (article.url) $("source-link").href = article.url;
  $("source-name").textContent = `${t("source")}: ${article.source || "—"} · ${article.published || ""}`;
  await showCluster(record);
}

/* ---- start ---- */

async function render() {
  applyLanguage();
  const id = state().get("event");
  if (id) await renderEvent(id); else await renderDashboard();
  document.body.dataset.ready = "1";
}

async function start() {
  LABELS = await (await fetch("/static/i18n.json")).json();
  META = await api("/v1/meta");
  applyLanguage();
  await makeMap();
  $("filters").addEventListener("submit", readFilters);
  $("clear").addEventListener("click", () => { const p = new URLSearchParams(); keep(p, ["lang"]); go(p); });
  $("f-by").addEventListener("change", () => { const p = state(); p.set("by", $("f-by").value); go(p); });
  $("more").addEventListener("click", () => showTable(true));
  $("back").addEventListener("click", (e) => { e.preventDefault(); const p = state(); p.delete("event"); go(p); });
  $("lang-switch").addEventListener("click", (e) => {
    e.preventDefault();
    const p = state();
    if (LANG === "ar") p.set("lang", "en"); else p.delete("lang");
    go(p, true);
  });
  window.addEventListener("popstate", render);
  await render();
}

start();
