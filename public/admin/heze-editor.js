/*
 * The web editor's own code, loaded by /admin/ before Decap's bundle (no inline script: the page runs
 * under a Content-Security-Policy). It holds Decap's start until the bundle has loaded, then:
 * - registers `heze-datetime`: Beijing time typed and shown as `2026-11-30 10:30`, whatever the
 *   browser's zone and language; a required time starts as now in Beijing, as `npm run new` does;
 * - registers `heze-channel`: the 栏目 select, showing a file's channel by name whether the file
 *   has its name (本地要闻) or its slug (bendi), and keeping the form the file has; a new article
 *   gets the slug, which names its folder;
 * - in the preview (`npm run editor`): points 查看发布 at the article's preview page;
 * - with Decap's local backend: lets a search reach every article, not only the latest listed
 *   (src/cms/entry-list.ts).
 */
/* global window, document, location */
window.CMS_MANUAL_INIT = true;

(function () {
  "use strict";

  const BEIJING = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  // What the newsroom writes (Beijing wall clock) and ISO 8601 with a zone; as src/content/newsroom-time.ts.
  const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;
  const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
  const DATE_HINT = "请填写北京时间，格式如 2026-11-30 10:30";

  /** An instant on Beijing's clock: `2026-11-30 10:30`. */
  function beijingTime(date) {
    const parts = {};
    BEIJING.formatToParts(date).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return parts.year + "-" + parts.month + "-" + parts.day + " " + parts.hour + ":" + parts.minute;
  }

  /** A wall-clock time that exists on the calendar (no 2026-02-30 or 25:00). */
  function realWallClock(match) {
    const n = match.slice(1).map(Number);
    const date = new Date(Date.UTC(n[0], n[1] - 1, n[2], n[3], n[4], n[5] || 0));
    return date.getUTCMonth() === n[1] - 1 && date.getUTCDate() === n[2] && n[3] < 24 && n[4] < 60;
  }

  /** The text the editor sees for a stored value: wall clock as written, other forms in Beijing time. */
  function shownTime(value) {
    if (value instanceof Date) return beijingTime(value);
    if (typeof value !== "string") return "";
    if (ISO_WITH_ZONE.test(value.trim())) return beijingTime(new Date(value.trim()));
    return value;
  }

  function validTime(value) {
    if (value instanceof Date) return true;
    const text = String(value).trim();
    const wall = WALL_CLOCK.exec(text);
    if (wall) return realWallClock(wall);
    return ISO_WITH_ZONE.test(text) && !isNaN(new Date(text).getTime());
  }

  function dateTimeWidget(h, createClass) {
    const control = createClass({
      getInitialState: function () {
        return { text: shownTime(this.props.value) };
      },
      componentDidMount: function () {
        const empty = this.props.value === undefined || this.props.value === null || this.props.value === "";
        if (empty && this.props.field.get("required") !== false) this.setTime(beijingTime(new Date()));
      },
      componentDidUpdate: function (previous) {
        // A value set from outside (a restored draft) shows here too; what was typed stays as typed.
        if (previous.value !== this.props.value && this.props.value !== this.lastSent) {
          this.setState({ text: shownTime(this.props.value) });
        }
      },
      setTime: function (text) {
        this.lastSent = text.trim();
        this.setState({ text: text });
        this.props.onChange(text.trim());
      },
      isValid: function () {
        const value = this.props.value;
        if (value === undefined || value === null || value === "" || validTime(value)) return true;
        return { error: { message: DATE_HINT } };
      },
      render: function () {
        return h(
          "div",
          { className: this.props.classNameWrapper, style: { display: "flex", gap: "8px" } },
          h("input", {
            id: this.props.forID,
            type: "text",
            inputMode: "numeric",
            placeholder: "北京时间，如 2026-11-30 10:30",
            title: DATE_HINT,
            value: this.state.text,
            style: { flex: "1", border: "none", outline: "none", font: "inherit", background: "transparent" },
            onFocus: this.props.setActiveStyle,
            onBlur: this.props.setInactiveStyle,
            onChange: (event) => this.setTime(event.target.value),
          }),
          h(
            "button",
            {
              type: "button",
              onClick: () => this.setTime(beijingTime(new Date())),
            },
            "现在",
          ),
        );
      },
    });
    const preview = function (props) {
      return h("span", null, shownTime(props.value));
    };
    return { control: control, preview: preview };
  }

  function channelWidget(h, createClass) {
    function channels(field) {
      const list = field.get("channels");
      return list && list.toJS ? list.toJS() : [];
    }
    const control = createClass({
      render: function () {
        const all = channels(this.props.field);
        const value =
          this.props.value === undefined || this.props.value === null ? "" : String(this.props.value);
        const current = all.find(function (c) {
          return c.name === value || c.slug === value;
        });
        const options = [h("option", { key: "", value: "" }, "请选择栏目")];
        if (value && !current)
          options.push(h("option", { key: value, value: value }, value + "（site.yaml 中没有这个栏目）"));
        all.forEach(function (c) {
          options.push(h("option", { key: c.slug, value: c.slug }, c.name));
        });
        return h(
          "select",
          {
            id: this.props.forID,
            className: this.props.classNameWrapper,
            value: current ? current.slug : value,
            onFocus: this.props.setActiveStyle,
            onBlur: this.props.setInactiveStyle,
            onChange: (event) => {
              const chosen = all.find(function (c) {
                return c.slug === event.target.value;
              });
              // Keep the form the file has: a name stays a name; a slug, or a new article, gets the slug.
              const byName = all.some(function (c) {
                return c.name === value;
              });
              this.props.onChange(chosen ? (byName ? chosen.name : chosen.slug) : event.target.value);
            },
          },
          options,
        );
      },
    });
    const preview = function (props) {
      const found = channels(props.field).find(function (c) {
        return c.name === props.value || c.slug === props.value;
      });
      return h("span", null, found ? found.name : props.value);
    };
    return { control: control, preview: preview };
  }

  /** The words of the search on screen (`#/collections/articles/search/菏泽`), if any. */
  function searchWords() {
    const found = /\/search\/([^/?]+)/.exec(location.hash);
    return found ? decodeURIComponent(found[1]) : "";
  }

  /**
   * Decap searches by asking for every entry (allEntriesByFolder) and ranking them itself, which took
   * 8 s for 10,000 articles. Its local backend now sends the search's words, and the local proxy
   * answers with the latest articles that have them (src/cms/entry-list.ts).
   */
  function searchOnTheProxy(CMS) {
    const proxy = CMS.getBackend("proxy");
    if (!proxy) return;
    const init = proxy.init;
    proxy.init = function () {
      const backend = init.apply(null, arguments);
      backend.allEntriesByFolder = function (folder, extension, depth) {
        const params = {
          branch: backend.branch,
          folder: folder,
          extension: extension,
          depth: depth,
          all: true,
          search: searchWords(),
        };
        return backend.request({ action: "entriesByFolder", params: params });
      };
      return backend;
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    const CMS = window.CMS;
    const dateTime = dateTimeWidget(window.h, window.createClass);
    const channel = channelWidget(window.h, window.createClass);
    CMS.registerWidget("heze-datetime", dateTime.control, dateTime.preview);
    CMS.registerWidget("heze-channel", channel.control, channel.preview);
    searchOnTheProxy(CMS);
    // In the preview (`npm run editor`, admin.njk marks it) 查看发布 opens the article's preview page.
    // Elsewhere Decap reads config.yml alone: given a config here, it would drop a config.yml served
    // without a YAML content type.
    const preview = document.documentElement.hasAttribute("data-preview");
    const here = { site_url: location.origin, display_url: location.origin, show_preview_links: true };
    CMS.init(preview ? { config: here } : {});
  });
})();
