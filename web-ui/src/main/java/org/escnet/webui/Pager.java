package org.escnet.webui;

/** Previous / next links of a paged listing; {@code page} counts from 0, pages are shown from 1. */
public record Pager(int page, int pages, String path) {
    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }

    public String previousLink() {
        return path + "?page=" + (page - 1);
    }

    public String nextLink() {
        return path + "?page=" + (page + 1);
    }

    public int shown() {
        return page + 1;
    }

    public boolean many() {
        return pages > 1;
    }
}
