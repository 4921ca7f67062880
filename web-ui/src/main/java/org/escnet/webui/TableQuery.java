package org.escnet.webui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.escnet.application.services.table.TableOptions;

/**
 * The grid page's table settings as they travel in its URL, so every view (sorted, filtered, grouped, with a baseline)
 * can be bookmarked and works without JavaScript.
 *
 * @param seeds  {@code mean} (one row per cell over its seeds) or {@code each} (one row per run)
 */
public record TableQuery(String seeds, String baseline, String sort, String dir, String filter, String group, int page) {

    public TableQuery {
        seeds = "each".equals(seeds) ? "each" : "mean";
        dir = "desc".equals(dir) ? "desc" : "asc";
        page = Math.max(0, page);
    }

    public TableOptions options() {
        return new TableOptions(seeds.equals("mean"), blankToNull(baseline), blankToNull(sort), dir.equals("desc"),
                blankToNull(filter), blankToNull(group));
    }

    /** The link that sorts by {@code key}: ascending first, descending when already ascending by it. */
    public String sortLink(String key, boolean higherFirst) {
        String next;
        if (key.equals(sort)) {
            next = dir.equals("asc") ? "desc" : "asc";
        } else {
            next = higherFirst ? "desc" : "asc";
        }
        return new TableQuery(seeds, baseline, key, next, filter, group, 0).query();
    }

    public String ariaSort(String key) {
        if (!key.equals(sort)) {
            return "none";
        }
        return dir.equals("asc") ? "ascending" : "descending";
    }

    public String pageLink(int newPage) {
        return new TableQuery(seeds, baseline, sort, dir, filter, group, newPage).query();
    }

    public String baselineLink(String key) {
        return new TableQuery(seeds, key, sort, dir, filter, group, page).query();
    }

    /** "?seeds=mean&sort=…": the query string of this view. */
    public String query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("seeds", seeds);
        put(q, "baseline", baseline);
        put(q, "sort", sort);
        if (sort != null && !sort.isBlank()) {
            q.put("dir", dir);
        }
        put(q, "filter", filter);
        put(q, "group", group);
        if (page > 0) {
            q.put("page", Integer.toString(page));
        }
        StringBuilder out = new StringBuilder("?");
        q.forEach((k, v) -> out.append(out.length() == 1 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static void put(Map<String, String> q, String key, String value) {
        if (value != null && !value.isBlank()) {
            q.put(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public String filterText() {
        return filter == null ? "" : filter;
    }

    public boolean eachSeed() {
        return seeds.equals("each");
    }
}
