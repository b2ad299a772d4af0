// Injected into every page the web surfer opens. It finds the elements a user could act on, gives
// each a stable id (the __elementId attribute, the number drawn on the screenshot), and reports
// geometry and text. Defines one global, AutogenWebSurfer; running it twice is harmless.
var AutogenWebSurfer = window.AutogenWebSurfer || (function () {
  let nextId = 1;

  const ROLE_BY_TAG = { a: "link", area: "link", button: "button", select: "combobox", option: "option",
    textarea: "textbox", summary: "button" };
  const ROLE_BY_INPUT_TYPE = { button: "button", submit: "button", reset: "button", image: "button",
    checkbox: "checkbox", radio: "radio", range: "slider", number: "spinbutton", search: "searchbox",
    email: "textbox", tel: "textbox", text: "textbox", url: "textbox", password: "textbox" };
  const ACTIVE_ROLES = ["button", "checkbox", "combobox", "gridcell", "link", "listbox", "menuitem",
    "menuitemcheckbox", "menuitemradio", "option", "radio", "scrollbar", "searchbox", "slider",
    "spinbutton", "switch", "tab", "textbox", "treeitem"];
  const PASSIVE_CURSORS = ["auto", "default", "none", "text", "vertical-text", "not-allowed", "no-drop"];

  function roleOf(el) {
    if (el.hasAttribute("role")) return el.getAttribute("role");
    const tag = el.tagName.toLowerCase();
    if (tag === "input") {
      const type = (el.getAttribute("type") || "text").toLowerCase();
      return ROLE_BY_INPUT_TYPE[type] || "textbox";
    }
    if (el.isContentEditable) return "textbox";
    return ROLE_BY_TAG[tag] || "";
  }

  function isHidden(el) {
    if (el.tagName.toLowerCase() === "input" && (el.getAttribute("type") || "").toLowerCase() === "hidden") return true;
    const style = window.getComputedStyle(el);
    return style.visibility === "hidden" || style.display === "none";
  }

  function candidates() {
    const found = new Set();
    document.querySelectorAll("a[href], area[href], button, input, select, textarea, summary, [onclick], "
        + "[contenteditable=''], [contenteditable='true'], [tabindex]:not([tabindex='-1'])")
      .forEach(el => found.add(el));
    document.querySelectorAll("[role]").forEach(el => {
      if (ACTIVE_ROLES.indexOf(el.getAttribute("role")) >= 0) found.add(el);
    });
    // Elements whose pointer cursor says "click me": keep the outermost element with that cursor.
    document.querySelectorAll("body *").forEach(el => {
      const cursor = window.getComputedStyle(el).cursor;
      if (PASSIVE_CURSORS.indexOf(cursor) >= 0) return;
      let top = el;
      while (top.parentElement && window.getComputedStyle(top.parentElement).cursor === cursor) top = top.parentElement;
      if (top !== document.body && top !== document.documentElement) found.add(top);
    });
    return Array.from(found).filter(el => !isHidden(el));
  }

  function text(el) {
    return el && el.innerText ? el.innerText.trim() : "";
  }

  function accessibleName(el) {
    if (el.hasAttribute("aria-labelledby")) {
      return el.getAttribute("aria-labelledby").split(/\s+/)
        .map(id => text(document.getElementById(id))).join(" ").trim();
    }
    if (el.hasAttribute("aria-label")) return el.getAttribute("aria-label").trim();
    if (el.id) {
      const label = document.querySelector("label[for='" + CSS.escape(el.id) + "']");
      if (label) return text(label);
    }
    const wrapping = el.closest("label");
    if (wrapping && wrapping !== el && text(wrapping)) return text(wrapping);
    if (el.tagName.toLowerCase() === "input") {
      const type = (el.getAttribute("type") || "text").toLowerCase();
      if (["button", "submit", "reset"].indexOf(type) >= 0) return el.value || type;
      if (el.getAttribute("placeholder")) return el.getAttribute("placeholder");
      if (el.getAttribute("name")) return el.getAttribute("name");
    }
    if (el.hasAttribute("alt")) return el.getAttribute("alt");
    if (el.hasAttribute("title")) return el.getAttribute("title");
    return text(el);
  }

  // Only the parts of an element that are on top (not covered by another element) count.
  function visibleRects(el) {
    const rects = [];
    for (const r of el.getClientRects()) {
      if (r.width <= 0 || r.height <= 0) continue;
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      const inViewport = x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight;
      if (inViewport) {
        let hit = document.elementFromPoint(x, y);
        let onTop = false;
        while (hit) {
          if (hit === el) { onTop = true; break; }
          hit = hit.parentElement;
        }
        if (!onTop) continue;
      }
      rects.push({ x: r.x, y: r.y, width: r.width, height: r.height, top: r.top, right: r.right,
        bottom: r.bottom, left: r.left });
    }
    return rects;
  }

  function getInteractiveRects() {
    const regions = {};
    for (const el of candidates()) {
      const rects = visibleRects(el);
      if (rects.length === 0) continue;
      if (!el.hasAttribute("__elementId")) el.setAttribute("__elementId", String(nextId++));
      regions[el.getAttribute("__elementId")] = {
        tag_name: el.tagName.toLowerCase(),
        role: roleOf(el),
        aria_name: accessibleName(el).replace(/\s+/g, " ").trim(),
        v_scrollable: el.scrollHeight - el.clientHeight >= 1 && el.clientHeight > 0
          && ["auto", "scroll"].indexOf(window.getComputedStyle(el).overflowY) >= 0,
        rects: rects
      };
    }
    return regions;
  }

  function getVisualViewport() {
    const vv = window.visualViewport;
    const doc = document.documentElement;
    return { height: vv.height, width: vv.width, offsetLeft: vv.offsetLeft, offsetTop: vv.offsetTop,
      pageLeft: vv.pageLeft, pageTop: vv.pageTop, scale: vv.scale, clientWidth: doc.clientWidth,
      clientHeight: doc.clientHeight, scrollWidth: doc.scrollWidth, scrollHeight: doc.scrollHeight };
  }

  function getFocusedElementId() {
    let el = document.activeElement;
    while (el) {
      if (el.hasAttribute && el.hasAttribute("__elementId")) return el.getAttribute("__elementId");
      el = el.parentElement;
    }
    return null;
  }

  // The text of the lines whose box intersects the viewport, in document order.
  function getVisibleText() {
    const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
    const lines = [];
    let node;
    while ((node = walker.nextNode())) {
      const value = node.textContent.replace(/\s+/g, " ").trim();
      if (!value || !node.parentElement || isHidden(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight
          && r.right > 0 && r.left < window.innerWidth) {
        lines.push(value);
      }
    }
    return lines.join("\n");
  }

  function getPageMetadata() {
    const meta = {};
    const tags = {};
    document.querySelectorAll("meta[name], meta[property]").forEach(m => {
      const key = m.getAttribute("name") || m.getAttribute("property");
      if (m.getAttribute("content")) tags[key] = m.getAttribute("content");
    });
    if (Object.keys(tags).length > 0) meta["meta_tags"] = tags;
    const jsonLd = [];
    document.querySelectorAll("script[type='application/ld+json']").forEach(s => {
      try { jsonLd.push(JSON.parse(s.textContent)); } catch (e) { /* not JSON: skipped */ }
    });
    if (jsonLd.length > 0) meta["jsonld"] = jsonLd;
    return meta;
  }

  return { getInteractiveRects, getVisualViewport, getFocusedElementId, getVisibleText, getPageMetadata };
})();
window.AutogenWebSurfer = AutogenWebSurfer;
